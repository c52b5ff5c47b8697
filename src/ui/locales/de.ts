/** German (Deutsch). The shape and the notes on each key: src/ui/strings.ts. */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('de');

export default {
  locale: 'de',
  player: 'Artikel-Player',
  controls: 'Wiedergabesteuerung',
  play: 'Wiedergabe',
  pause: 'Pause',
  playAgain: 'Erneut abspielen',
  previousSentence: 'Vorheriger Satz',
  nextSentence: 'Nächster Satz',
  previousSection: 'Vorheriger Abschnitt',
  nextSection: 'Nächster Abschnitt',
  speed: 'Geschwindigkeit',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => `${f.number(roundRate(rate))}-fache Geschwindigkeit`,
  voice: 'Stimme',
  automaticVoice: (lang) => `Automatisch (beste Stimme für ${f.language(lang)})`,
  noVoices: 'Noch keine Stimmen',
  section: 'Abschnitt',
  sectionText: (n, total, heading) =>
    `Abschnitt ${f.number(n)} von ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  elapsed: (seconds) => `${f.clock(seconds)} vergangen`,
  remaining: (seconds) => `noch etwa ${f.clock(seconds)}`,
  contents: 'Inhalt',
  untitledSection: 'Einleitung',
  articleText: 'Artikeltext',
  backToCurrent: 'Zurück zum aktuellen Satz',
  keyboardHelp: 'Tastenkürzel',
  sleepTimer: 'Schlaftimer',
  sleepOff: 'Aus',
  sleepEndOfSection: 'Ende dieses Abschnitts',
  sleepMinutes: (m) => `${f.number(m)} Minuten`,
  sleepLeft: (ms) => `noch ${f.number(Math.ceil(ms / 60_000))} Min.`,
  sleepFired: 'Schlaftimer: angehalten',
  keepScreenOn: 'Bildschirm nicht ausschalten',
  followAlong: 'Mitlesen',
  updated: 'Dieser Artikel wurde aktualisiert. Die Wiedergabe geht an derselben Stelle weiter.',
  miniPlayer: 'Mini-Player',
  closeMiniPlayer: 'Mini-Player schließen',
  nowReading: 'Gerade vorgelesen',
  loading: 'Artikel wird geladen',
  preparing: 'Die Stimme wird vorbereitet',
  preparingShort: 'Wird vorbereitet',
  preparingName: 'Stimme wird vorbereitet, zum Abbrechen drücken',
  cancelled: 'Abgebrochen. Zum erneuten Start „Wiedergabe“ drücken.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `Die Online-Stimme ist nicht erreichbar, daher liest ${f.isolate(to)} weiter.`
      : `Die Stimme ist mehrfach ausgefallen, daher liest ${f.isolate(to)} weiter.`,
  ready: (title) => `Bereit zur Wiedergabe: ${f.isolate(title)}`,
  ended: 'Ende des Artikels',
  tryAgain: 'Erneut versuchen',
  by: (byline) => byline,
  languageName: (tag) => f.language(tag),
  errorTitle: {
    load: 'Der Artikel konnte nicht geladen werden',
    notArticle: 'Diese Datei kann der Player nicht als Artikel lesen',
    empty: 'Dieser Artikel ist leer',
    noVoice: 'Keine Stimme kann diesen Artikel vorlesen',
    notAllowed: 'Zum Anhören „Wiedergabe“ drücken',
    speech: 'Die Stimme funktioniert nicht mehr',
  },
  errorHelp: {
    load: 'Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut.',
    notArticle: 'Die Datei ist vielleicht beschädigt oder hat das falsche Format. Der Betreiber der Website kann das prüfen.',
    empty: 'Er enthält keinen Text, der vorgelesen werden kann.',
    noVoice: (lang) =>
      `Ihr Gerät hat keine Stimme für ${f.language(lang)}. Installieren Sie eine in den Sprach- oder Bedienungshilfe-Einstellungen Ihres Systems und laden Sie die Seite dann neu.`,
    notAllowed: 'Ihr Browser startet die Sprachausgabe erst, nachdem Sie eine Schaltfläche gedrückt haben.',
    speech: 'Versuchen Sie es erneut oder wählen Sie eine andere Stimme.',
  },
  noSrc: 'Kein Artikel zum Abspielen.',
  help: {
    close: 'Schließen',
    helpIntro:
      'Diese Tasten funktionieren, solange der Fokus irgendwo im Player liegt. Ein fokussierter Schieberegler, eine Liste oder eine Schaltfläche behält ihre eigenen Tasten.',
    helpGlobal: 'Überall auf der Seite: dieselben Tasten mit gedrückter Alt- und Umschalttaste.',
    helpText:
      'Im Artikeltext wechseln Pfeil oben und Pfeil unten zwischen den Sätzen; Eingabe oder Leertaste spielt ab dem fokussierten Satz ab.',
    key: 'Taste',
    action: 'Aktion',
    rows: {
      toggle: 'Wiedergabe oder Pause',
      sentence: 'Vorheriger oder nächster Satz',
      section: 'Vorheriger oder nächster Abschnitt',
      start: 'Anfang des Artikels',
      end: 'Letzter Abschnitt',
      rate: 'Langsamer oder schneller',
      help: 'Diese Hilfe',
    },
    keys: {
      shift: 'Umschalt',
      space: 'Leertaste',
      left: 'Pfeil links',
      right: 'Pfeil rechts',
      up: 'Pfeil oben',
      down: 'Pfeil unten',
      pageUp: 'Bild auf',
      pageDown: 'Bild ab',
      home: 'Pos1',
      end: 'Ende',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'Weiterhören',
    lastListened: (at) => `Zuletzt gehört am ${f.dateTime(at)}.`,
    resumeFrom: (where) => `Weiter bei „${f.isolate(where)}“`,
    startOver: 'Von vorn beginnen',
    saveForOffline: 'Offline speichern',
    savedNote: 'Gespeichert: Dieser Artikel lässt sich auch ohne Internetverbindung anhören.',
    saveFailed: 'Dieser Artikel konnte in diesem Browserfenster nicht zum Offline-Hören gespeichert werden.',
    savedListEmpty: 'Es sind keine Artikel zum Offline-Hören gespeichert.',
    savedListLabel: 'Zum Offline-Hören gespeicherte Artikel',
    savedOn: (at) => `gespeichert am ${f.date(at)}`,
    remove: 'Entfernen',
    removed: (title) => `${f.isolate(title)} wurde aus den Offline-Artikeln entfernt.`,
    dismiss: 'Ausblenden',
    problemUnavailable:
      'Ihre Position und Ihre Einstellungen können in diesem Browserfenster nicht gespeichert werden (der Speicher ist gesperrt). Das Anhören funktioniert trotzdem.',
    problemQuota:
      'Der Speicher ist voll, daher konnten einige Artikel oder Audiodaten nicht für das Offline-Hören behalten werden. Das Anhören funktioniert trotzdem.',
    problemCorrupt:
      'Einige gespeicherte Daten waren beschädigt und wurden verworfen (Ihre Position oder eine Einstellung ist möglicherweise zurückgesetzt).',
    problemVersion:
      'Einige Daten, die eine ältere Version des Players gespeichert hat, ließen sich nicht verwenden und wurden zurückgesetzt.',
  },
} satisfies Strings;
