/**
 * Polish (polski). The shape and the notes on each key: src/ui/strings.ts.
 * Counted minutes follow Polish plural rules through Intl.PluralRules
 * (1 minuta, 2 minuty, 15 minut).
 */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('pl');

const minutes = (n: number) =>
  f.plural(n, { one: `${f.number(n)} minuta`, few: `${f.number(n)} minuty`, many: `${f.number(n)} minut`, other: `${f.number(n)} minuty` });

export default {
  locale: 'pl',
  player: 'Odtwarzacz artykułu',
  controls: 'Sterowanie odtwarzaniem',
  play: 'Odtwórz',
  pause: 'Wstrzymaj',
  playAgain: 'Odtwórz ponownie',
  previousSentence: 'Poprzednie zdanie',
  nextSentence: 'Następne zdanie',
  previousSection: 'Poprzednia sekcja',
  nextSection: 'Następna sekcja',
  speed: 'Szybkość',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'normalna szybkość' : `${f.number(roundRate(rate))}-krotna szybkość`),
  voice: 'Głos',
  automaticVoice: (lang) => `Automatycznie (najlepszy głos: ${f.language(lang)})`,
  sectionText: (n, total, heading) =>
    `Sekcja ${f.number(n)} z ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  contents: 'Spis treści',
  untitledSection: 'Wstęp',
  playFromHere: 'Naciśnij Enter, aby odtwarzać od tego zdania.',
  articleText: 'Tekst artykułu',
  backToCurrent: 'Wróć do bieżącego zdania',
  keyboardHelp: 'Skróty klawiszowe',
  sleepTimer: 'Wyłącznik czasowy',
  sleepOff: 'Wyłączony',
  sleepEndOfSection: 'Koniec tej sekcji',
  sleepMinutes: (m) => minutes(m),
  sleepLeft: (ms) => `zostało ${f.number(Math.ceil(ms / 60_000))} min`,
  sleepFired: 'Wyłącznik czasowy: wstrzymano',
  keepScreenOn: 'Nie wygaszaj ekranu',
  followAlong: 'Śledź czytany tekst',
  updated: 'Ten artykuł został zaktualizowany. Odtwarzanie trwa od tego samego miejsca.',
  miniPlayer: 'Miniodtwarzacz',
  closeMiniPlayer: 'Zamknij miniodtwarzacz',
  nowReading: 'Teraz czytane',
  loading: 'Wczytywanie artykułu',
  preparing: 'Przygotowywanie głosu',
  preparingShort: 'Przygotowywanie',
  preparingName: 'Przygotowywanie głosu, naciśnij, aby anulować',
  cancelled: 'Zatrzymano. Naciśnij Odtwórz, aby zacząć od nowa.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `Nie udało się połączyć z głosem online, więc czyta dalej głos ${f.isolate(to)}.`
      : `Głos wielokrotnie zawodził, więc czyta dalej głos ${f.isolate(to)}.`,
  ended: 'Koniec artykułu',
  tryAgain: 'Spróbuj ponownie',
  by: (byline) => byline,
  languageName: (tag) => f.language(tag),
  errorTitle: {
    offline: 'Jesteś offline',
    server: 'Witryna nie mogła wysłać artykułu',
    notFound: 'Nie znaleziono artykułu',
    forbidden: 'Witryna nie pozwala odtwarzaczowi przeczytać tego artykułu',
    invalidJson: 'Plik artykułu jest uszkodzony',
    noElement: 'Na tej stronie nie ma artykułu do przeczytania',
    load: 'Nie udało się wczytać artykułu',
    notArticle: 'To nie jest artykuł, który odtwarzacz potrafi odczytać',
    empty: 'Ten artykuł jest pusty',
    noVoice: 'Żaden głos nie może odczytać tego artykułu',
    notAllowed: 'Naciśnij Odtwórz, aby zacząć słuchać',
    speech: 'Głos przestał działać',
  },
  errorHelp: {
    offline: 'Połącz się z internetem i spróbuj ponownie.',
    server: (status: string) =>
      `Serwer napotkał problem (HTTP ${status}). Spróbuj ponownie za chwilę.`,
    notFound: (status: string) =>
      `Link może być nieaktualny albo artykuł został przeniesiony lub usunięty (HTTP ${status}). Sprawdź adres lub powiadom właściciela witryny.`,
    forbidden: (status: string) =>
      `Być może trzeba się zalogować albo artykuł jest tylko dla subskrybentów (HTTP ${status}). Otwórz go w witrynie lub powiadom jej właściciela.`,
    invalidJson: 'Nie udało się odczytać jego danych. Właściciel witryny może sprawdzić plik.',
    noElement: (id: string) =>
      `Odtwarzacz czyta element o identyfikatorze „${f.isolate(id)}”, a na stronie go nie ma. Właściciel witryny może sprawdzić atrybut for odtwarzacza.`,
    load: 'Sprawdź połączenie i spróbuj ponownie.',
    notArticle: 'Plik może być uszkodzony lub mieć nieprawidłowy format. Właściciel witryny może to sprawdzić.',
    empty: 'Nie ma w nim tekstu do przeczytania na głos.',
    noVoice: (lang) =>
      `Twoje urządzenie nie ma głosu dla języka: ${f.language(lang)}. Zainstaluj go w ustawieniach mowy lub ułatwień dostępu w systemie, a potem wczytaj stronę ponownie.`,
    notAllowed: 'Przeglądarka pozwala uruchomić mowę dopiero po naciśnięciu przycisku.',
    speech: 'Spróbuj ponownie lub wybierz inny głos.',
  },
  noSrc: 'Brak artykułu do odtworzenia.',
  // The compact bar.
  listenTo: (title: string) => `Posłuchaj: ${f.isolate(title)}`,
  listenLabel: 'Posłuchaj tego artykułu',
  minutes: (seconds: number) => `${f.number(Math.max(1, Math.round(seconds / 60)))} min`,
  position: 'Pozycja',
  positionText: (section: string, at: number, total: number) => `${section}, ${f.clock(at)} z ${f.clock(total)}`,
  remainingShort: (seconds: number) => f.remaining(seconds),
  elapsedShort: (seconds: number) => f.clock(seconds),
  skipControls: (title?: string) => (title ? `Przeskocz: ${f.isolate(title)}` : 'Przeskocz'),
  more: 'Więcej',
  skipPlayer: 'Pomiń odtwarzacz',
  endOfPlayer: 'Koniec odtwarzacza',
  startOf: (section: string) => `Początek: ${section}`,
  automaticNamed: (name: string) => `Automatycznie: ${f.isolate(name)}`,
  voiceItem: (choice: string) => `Głos: ${f.isolate(choice)}`,
  /** The More menu's sleep timer item, with its state. */
  sleepItem: (state: string) => `Wyłącznik czasowy: ${state}`,
  done: 'Gotowe',
  help: {
    close: 'Zamknij',
    helpIntro:
      'Te klawisze działają, gdy fokus jest w dowolnym miejscu odtwarzacza. Suwak, lista lub przycisk z fokusem zachowuje własne klawisze.',
    helpGlobal: 'W dowolnym miejscu strony: te same klawisze z wciśniętymi Alt i Shift.',
    helpText:
      'W tekście artykułu strzałki w górę i w dół przechodzą między zdaniami; Enter lub spacja odtwarza od zdania z fokusem.',
    key: 'Klawisz',
    action: 'Działanie',
    rows: {
      toggle: 'Odtwórz lub wstrzymaj',
      sentence: 'Poprzednie lub następne zdanie',
      section: 'Poprzednia lub następna sekcja',
      start: 'Początek artykułu',
      end: 'Ostatnia sekcja',
      rate: 'Wolniej lub szybciej',
      help: 'Ta pomoc',
    },
    keys: {
      separator: ', ',
      shift: 'Shift',
      space: 'Spacja',
      left: 'Strzałka w lewo',
      right: 'Strzałka w prawo',
      up: 'Strzałka w górę',
      down: 'Strzałka w dół',
      pageUp: 'Page Up',
      pageDown: 'Page Down',
      home: 'Home',
      end: 'End',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'Słuchaj dalej',
    lastListened: (at) => `Ostatnio słuchano: ${f.dateTime(at)}.`,
    resumeFrom: (where) => `Wznów od „${f.isolate(where)}”`,
    startOver: 'Zacznij od początku',
    saveForOffline: 'Zapisz offline',
    removeOffline: 'Usuń kopię offline',
    savedAnnounce: 'Zapisano do słuchania offline.',
    removedAnnounce: 'Usunięto kopię offline.',
    savedNote: 'Zapisano: tego artykułu można słuchać bez połączenia.',
    saveFailed: 'Nie udało się zapisać tego artykułu do słuchania offline w tym oknie przeglądarki.',
    savedListEmpty: 'Brak artykułów zapisanych do słuchania offline.',
    savedListLabel: 'Artykuły zapisane do słuchania offline',
    savedOn: (at) => `zapisano ${f.date(at)}`,
    remove: 'Usuń',
    removed: (title) => `Usunięto „${f.isolate(title)}” z artykułów offline.`,
    dismiss: 'Zamknij',
    problemUnavailable:
      'W tym oknie przeglądarki nie można zapisać miejsca ani ustawień (pamięć jest zablokowana). Słuchanie nadal działa.',
    problemQuota:
      'Pamięć jest pełna, więc części artykułów lub nagrań nie udało się zachować do słuchania offline. Słuchanie nadal działa.',
    problemCorrupt:
      'Część zapisanych danych była uszkodzona i została usunięta (miejsce lub któreś z ustawień mogło zostać zresetowane).',
    problemVersion: 'Części danych zapisanych przez starszą wersję odtwarzacza nie dało się użyć, więc zostały zresetowane.',
  },
} satisfies Strings;
