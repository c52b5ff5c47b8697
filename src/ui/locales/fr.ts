/**
 * French (français). The shape and the notes on each key: src/ui/strings.ts.
 * French typography: a no-break space before « : » and inside « guillemets ».
 */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('fr');

export default {
  locale: 'fr',
  player: 'Lecteur d’article',
  controls: 'Commandes de lecture',
  play: 'Lecture',
  pause: 'Pause',
  playAgain: 'Réécouter',
  previousSentence: 'Phrase précédente',
  nextSentence: 'Phrase suivante',
  previousSection: 'Partie précédente',
  nextSection: 'Partie suivante',
  speed: 'Vitesse',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'vitesse normale' : `${f.number(roundRate(rate))} fois la vitesse normale`),
  voice: 'Voix',
  automaticVoice: (lang) => `Automatique (meilleure voix en ${f.language(lang)})`,
  sectionText: (n, total, heading) =>
    `Partie ${f.number(n)} sur ${f.number(total)}${heading ? `\u00a0: ${f.isolate(heading)}` : ''}`,
  contents: 'Sommaire',
  untitledSection: 'Introduction',
  playFromHere: 'Appuyez sur Entrée pour lire à partir de cette phrase.',
  articleText: 'Texte de l’article',
  backToCurrent: 'Revenir à la phrase en cours',
  keyboardHelp: 'Raccourcis clavier',
  sleepTimer: 'Minuteur de veille',
  sleepOff: 'Désactivé',
  sleepEndOfSection: 'Fin de cette partie',
  sleepMinutes: (m) => `${f.number(m)} minutes`,
  sleepLeft: (ms) => `encore ${f.number(Math.ceil(ms / 60_000))}\u00a0min`,
  sleepFired: 'Minuteur de veille\u00a0: lecture en pause',
  keepScreenOn: 'Garder l’écran allumé',
  followAlong: 'Suivre la lecture',
  updated: 'Cet article a été mis à jour. La lecture continue au même endroit.',
  miniPlayer: 'Mini-lecteur',
  closeMiniPlayer: 'Fermer le mini-lecteur',
  nowReading: 'En cours de lecture',
  loading: 'Chargement de l’article',
  preparing: 'Préparation de la voix',
  preparingShort: 'Préparation',
  preparingName: 'Préparation de la voix, appuyez pour annuler',
  cancelled: 'Arrêté. Appuyez sur Lecture pour recommencer.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `La voix en ligne est injoignable, la lecture continue donc avec ${f.isolate(to)}.`
      : `La voix a échoué à plusieurs reprises, la lecture continue donc avec ${f.isolate(to)}.`,
  ended: 'Fin de l’article',
  tryAgain: 'Réessayer',
  by: (byline) => byline,
  languageName: (tag) => f.language(tag),
  errorTitle: {
    offline: 'Vous êtes hors ligne',
    server: "Le site n'a pas pu envoyer l'article",
    notFound: "L'article est introuvable",
    forbidden: "Le site n'autorise pas le lecteur à lire cet article",
    invalidJson: "Le fichier de l'article est endommagé",
    noElement: 'Cette page ne contient aucun article à lire',
    load: 'Impossible de charger l’article',
    notArticle: 'Ce fichier n’est pas un article que le lecteur sait lire',
    empty: 'Cet article est vide',
    noVoice: 'Aucune voix ne peut lire cet article',
    notAllowed: 'Appuyez sur Lecture pour écouter',
    speech: 'La voix ne fonctionne plus',
  },
  errorHelp: {
    offline: 'Connectez-vous à Internet, puis réessayez.',
    server: (status: string) =>
      `Le serveur a rencontré un problème (HTTP ${status}). Réessayez dans un instant.`,
    notFound: (status: string) =>
      `Le lien est peut-être périmé, ou l'article a été déplacé ou supprimé (HTTP ${status}). Vérifiez l'adresse ou prévenez le responsable du site.`,
    forbidden: (status: string) =>
      `Il faut peut-être vous connecter, ou il est réservé aux abonnés (HTTP ${status}). Ouvrez-le sur le site ou prévenez le responsable du site.`,
    invalidJson: 'Ses données sont illisibles. Le responsable du site peut vérifier le fichier.',
    noElement: (id: string) =>
      `Le lecteur lit l'élément dont l'id est « ${f.isolate(id)} », et la page n'en a aucun. Le responsable du site peut vérifier l'attribut for du lecteur.`,
    load: 'Vérifiez votre connexion, puis réessayez.',
    notArticle: 'Le fichier est peut-être endommagé ou dans un format incorrect. Le responsable du site peut le vérifier.',
    empty: 'Il ne contient aucun texte à lire à voix haute.',
    noVoice: (lang) =>
      `Votre appareil n’a aucune voix en ${f.language(lang)}. Installez-en une dans les réglages de synthèse vocale ou d’accessibilité de votre système, puis rechargez la page.`,
    notAllowed: 'Votre navigateur ne lance la lecture vocale qu’après un appui sur un bouton.',
    speech: 'Réessayez ou choisissez une autre voix.',
  },
  noSrc: 'Aucun article à lire.',
  // The compact bar.
  listenTo: (title: string) => `Écouter : ${f.isolate(title)}`,
  listenLabel: 'Écouter cet article',
  minutes: (seconds: number) => `${f.number(Math.max(1, Math.round(seconds / 60)))} min`,
  position: 'Position',
  positionText: (section: string, at: number, total: number) => `${section}, ${f.clock(at)} sur ${f.clock(total)}`,
  remainingShort: (seconds: number) => f.remaining(seconds),
  elapsedShort: (seconds: number) => f.clock(seconds),
  skipControls: (title?: string) => (title ? `Navigation : ${f.isolate(title)}` : 'Navigation'),
  more: 'Plus',
  skipPlayer: 'Passer le lecteur',
  endOfPlayer: 'Fin du lecteur',
  startOf: (section: string) => `Début de ${section}`,
  automaticNamed: (name: string) => `Automatique : ${f.isolate(name)}`,
  voiceItem: (choice: string) => `Voix : ${f.isolate(choice)}`,
  /** The More menu's sleep timer item, with its state. */
  sleepItem: (state: string) => `Minuteur de veille : ${state}`,
  done: 'OK',
  help: {
    close: 'Fermer',
    helpIntro:
      'Ces touches fonctionnent tant que le focus est dans le lecteur. Un curseur, une liste ou un bouton qui a le focus garde ses propres touches.',
    helpGlobal: 'Partout dans la page\u00a0: les mêmes touches en maintenant Alt et Maj enfoncées.',
    helpText:
      'Dans le texte de l’article, les flèches haut et bas passent d’une phrase à l’autre\u00a0; Entrée ou Espace lance la lecture à partir de la phrase qui a le focus.',
    key: 'Touche',
    action: 'Action',
    rows: {
      toggle: 'Lecture ou pause',
      sentence: 'Phrase précédente ou suivante',
      section: 'Partie précédente ou suivante',
      start: 'Début de l’article',
      end: 'Dernière partie',
      rate: 'Plus lent ou plus rapide',
      help: 'Cette aide',
    },
    keys: {
      separator: ', ',
      shift: 'Maj',
      space: 'Espace',
      left: 'Flèche gauche',
      right: 'Flèche droite',
      up: 'Flèche haut',
      down: 'Flèche bas',
      pageUp: 'Page précédente',
      pageDown: 'Page suivante',
      home: 'Début',
      end: 'Fin',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'Reprendre l’écoute',
    lastListened: (at) => `Dernière écoute le ${f.dateTime(at)}.`,
    resumeFrom: (where) => `Reprendre à «\u00a0${f.isolate(where)}\u00a0»`,
    startOver: 'Recommencer au début',
    saveForOffline: 'Enregistrer hors ligne',
    removeOffline: 'Supprimer la copie hors ligne',
    savedAnnounce: 'Enregistré pour une écoute hors ligne.',
    removedAnnounce: 'Copie hors ligne supprimée.',
    savedNote: 'Enregistré\u00a0: cet article s’écoute aussi sans connexion.',
    saveFailed: 'Impossible d’enregistrer cet article pour l’écoute hors ligne dans cette fenêtre du navigateur.',
    savedListEmpty: 'Aucun article n’est enregistré pour l’écoute hors ligne.',
    savedListLabel: 'Articles enregistrés pour l’écoute hors ligne',
    savedOn: (at) => `enregistré le ${f.date(at)}`,
    remove: 'Supprimer',
    removed: (title) => `${f.isolate(title)} a été retiré des articles hors ligne.`,
    dismiss: 'Masquer',
    problemUnavailable:
      'Votre position et vos réglages ne peuvent pas être enregistrés dans cette fenêtre du navigateur (le stockage est bloqué). L’écoute fonctionne quand même.',
    problemQuota:
      'Le stockage est plein\u00a0: certains articles ou fichiers audio n’ont pas pu être conservés pour l’écoute hors ligne. L’écoute fonctionne quand même.',
    problemCorrupt:
      'Des données enregistrées étaient endommagées et ont été effacées (votre position ou un réglage a pu être réinitialisé).',
    problemVersion:
      'Des données enregistrées par une version antérieure du lecteur étaient inutilisables et ont été réinitialisées.',
  },
} satisfies Strings;
