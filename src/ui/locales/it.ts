/** Italian (italiano). The shape and the notes on each key: src/ui/strings.ts. */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('it');

export default {
  locale: 'it',
  player: 'Lettore dell’articolo',
  controls: 'Controlli di riproduzione',
  play: 'Riproduci',
  pause: 'Pausa',
  playAgain: 'Riproduci di nuovo',
  previousSentence: 'Frase precedente',
  nextSentence: 'Frase successiva',
  previousSection: 'Sezione precedente',
  nextSection: 'Sezione successiva',
  speed: 'Velocità',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'velocità normale' : `${f.number(roundRate(rate))} volte la velocità normale`),
  voice: 'Voce',
  automaticVoice: (lang) => `Automatica (la voce migliore in ${f.language(lang)})`,
  noVoices: 'Ancora nessuna voce',
  section: 'Sezione',
  sectionText: (n, total, heading) =>
    `Sezione ${f.number(n)} di ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  elapsed: (seconds) => `trascorsi ${f.clock(seconds)}`,
  remaining: (seconds) => `mancano circa ${f.clock(seconds)}`,
  contents: 'Indice',
  untitledSection: 'Introduzione',
  articleText: 'Testo dell’articolo',
  backToCurrent: 'Torna alla frase in lettura',
  keyboardHelp: 'Scorciatoie da tastiera',
  sleepTimer: 'Timer di spegnimento',
  sleepOff: 'Disattivato',
  sleepEndOfSection: 'Fine di questa sezione',
  sleepMinutes: (m) => `${f.number(m)} minuti`,
  sleepLeft: (ms) => `ancora ${f.number(Math.ceil(ms / 60_000))} min`,
  sleepFired: 'Timer di spegnimento: in pausa',
  keepScreenOn: 'Mantieni lo schermo acceso',
  followAlong: 'Segui la lettura',
  updated: 'Questo articolo è stato aggiornato. La riproduzione continua dallo stesso punto.',
  miniPlayer: 'Mini lettore',
  closeMiniPlayer: 'Chiudi il mini lettore',
  nowReading: 'In lettura',
  loading: 'Caricamento dell’articolo',
  preparing: 'Preparazione della voce',
  preparingShort: 'Preparazione voce',
  preparingName: 'Preparazione della voce, premi per annullare',
  cancelled: 'Interrotto. Premi Riproduci per ricominciare.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `La voce online non è raggiungibile, quindi la lettura continua con ${f.isolate(to)}.`
      : `La voce continuava a non funzionare, quindi la lettura continua con ${f.isolate(to)}.`,
  ready: (title) => `Pronto per la riproduzione: ${f.isolate(title)}`,
  ended: 'Fine dell’articolo',
  tryAgain: 'Riprova',
  by: (byline) => byline,
  languageName: (tag) => f.language(tag),
  errorTitle: {
    load: 'Impossibile caricare l’articolo',
    notArticle: 'Questo file non è un articolo che il lettore può leggere',
    empty: 'Questo articolo è vuoto',
    noVoice: 'Nessuna voce può leggere questo articolo',
    notAllowed: 'Premi Riproduci per iniziare l’ascolto',
    speech: 'La voce ha smesso di funzionare',
  },
  errorHelp: {
    load: 'Controlla la connessione, poi riprova.',
    notArticle: 'Il file potrebbe essere danneggiato o in un formato errato. Il gestore del sito può verificarlo.',
    empty: 'Non contiene testo da leggere ad alta voce.',
    noVoice: (lang) =>
      `Il tuo dispositivo non ha voci in ${f.language(lang)}. Installane una nelle impostazioni di sintesi vocale o di accessibilità del sistema, poi ricarica la pagina.`,
    notAllowed: 'Il browser permette di avviare la voce solo dopo che hai premuto un pulsante.',
    speech: 'Riprova o scegli un’altra voce.',
  },
  noSrc: 'Nessun articolo da riprodurre.',
  help: {
    close: 'Chiudi',
    helpIntro:
      'Questi tasti funzionano finché lo stato attivo è in un punto qualsiasi del lettore. Un cursore, un elenco o un pulsante attivo mantiene i propri tasti.',
    helpGlobal: 'Ovunque nella pagina: gli stessi tasti tenendo premuti Alt e Maiusc.',
    helpText:
      'Nel testo dell’articolo, le frecce su e giù passano da una frase all’altra; Invio o Spazio avvia la riproduzione dalla frase attiva.',
    key: 'Tasto',
    action: 'Azione',
    rows: {
      toggle: 'Riproduci o metti in pausa',
      sentence: 'Frase precedente o successiva',
      section: 'Sezione precedente o successiva',
      start: 'Inizio dell’articolo',
      end: 'Ultima sezione',
      rate: 'Più lento o più veloce',
      help: 'Questa guida',
    },
    keys: {
      shift: 'Maiusc',
      space: 'Spazio',
      left: 'Freccia sinistra',
      right: 'Freccia destra',
      up: 'Freccia su',
      down: 'Freccia giù',
      pageUp: 'Pag su',
      pageDown: 'Pag giù',
      home: 'Home',
      end: 'Fine',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'Continua l’ascolto',
    lastListened: (at) => `Ultimo ascolto: ${f.dateTime(at)}.`,
    resumeFrom: (where) => `Riprendi da «${f.isolate(where)}»`,
    startOver: 'Ricomincia dall’inizio',
    saveForOffline: 'Salva per l’ascolto offline',
    savedNote: 'Salvato: questo articolo si può ascoltare anche senza connessione.',
    saveFailed: 'Non è stato possibile salvare questo articolo per l’ascolto offline in questa finestra del browser.',
    savedListEmpty: 'Nessun articolo salvato per l’ascolto offline.',
    savedListLabel: 'Articoli salvati per l’ascolto offline',
    savedOn: (at) => `salvato il ${f.date(at)}`,
    remove: 'Rimuovi',
    removed: (title) => `${f.isolate(title)} è stato rimosso dagli articoli offline.`,
    dismiss: 'Ignora',
    problemUnavailable:
      'Non è possibile salvare la posizione e le impostazioni in questa finestra del browser (l’archiviazione è bloccata). L’ascolto funziona comunque.',
    problemQuota:
      'Lo spazio di archiviazione è pieno, quindi alcuni articoli o audio non sono stati conservati per l’ascolto offline. L’ascolto funziona comunque.',
    problemCorrupt:
      'Alcuni dati salvati erano danneggiati e sono stati eliminati (la posizione o un’impostazione potrebbero essere state reimpostate).',
    problemVersion:
      'Alcuni dati salvati da una versione precedente del lettore non erano utilizzabili e sono stati reimpostati.',
  },
} satisfies Strings;
