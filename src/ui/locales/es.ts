/** Spanish (español), addressing the listener as tú. The shape and the notes on each key: src/ui/strings.ts. */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('es');

export default {
  locale: 'es',
  player: 'Reproductor del artículo',
  controls: 'Controles de reproducción',
  play: 'Reproducir',
  pause: 'Pausa',
  playAgain: 'Volver a reproducir',
  previousSentence: 'Frase anterior',
  nextSentence: 'Frase siguiente',
  previousSection: 'Sección anterior',
  nextSection: 'Sección siguiente',
  speed: 'Velocidad',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'velocidad normal' : `${f.number(roundRate(rate))} veces la velocidad normal`),
  voice: 'Voz',
  automaticVoice: (lang) => `Automática (la mejor voz en ${f.language(lang)})`,
  noVoices: 'Todavía no hay voces',
  section: 'Sección',
  sectionText: (n, total, heading) =>
    `Sección ${f.number(n)} de ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  elapsed: (seconds) => `transcurrido: ${f.clock(seconds)}`,
  remaining: (seconds) => `quedan unos ${f.clock(seconds)}`,
  contents: 'Índice',
  untitledSection: 'Introducción',
  articleText: 'Texto del artículo',
  backToCurrent: 'Volver a la frase actual',
  keyboardHelp: 'Atajos de teclado',
  sleepTimer: 'Temporizador de apagado',
  sleepOff: 'Desactivado',
  sleepEndOfSection: 'Al final de esta sección',
  sleepMinutes: (m) => `${f.number(m)} minutos`,
  sleepLeft: (ms) => `quedan ${f.number(Math.ceil(ms / 60_000))} min`,
  sleepFired: 'Temporizador de apagado: en pausa',
  keepScreenOn: 'Mantener la pantalla encendida',
  followAlong: 'Seguir la lectura',
  updated: 'Este artículo se ha actualizado. La reproducción continúa desde el mismo punto.',
  miniPlayer: 'Minirreproductor',
  closeMiniPlayer: 'Cerrar el minirreproductor',
  nowReading: 'Leyendo ahora',
  loading: 'Cargando el artículo',
  preparing: 'Preparando la voz',
  preparingShort: 'Preparando voz',
  preparingName: 'Preparando la voz, pulsa para cancelar',
  cancelled: 'Detenido. Pulsa Reproducir para volver a empezar.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `No se ha podido acceder a la voz en línea, así que la lectura continúa con ${f.isolate(to)}.`
      : `La voz fallaba una y otra vez, así que la lectura continúa con ${f.isolate(to)}.`,
  ready: (title) => `Listo para reproducir: ${f.isolate(title)}`,
  ended: 'Fin del artículo',
  tryAgain: 'Reintentar',
  by: (byline) => byline,
  languageName: (tag) => f.language(tag),
  errorTitle: {
    load: 'No se ha podido cargar el artículo',
    notArticle: 'Este archivo no es un artículo que el reproductor pueda leer',
    empty: 'Este artículo está vacío',
    noVoice: 'Ninguna voz puede leer este artículo',
    notAllowed: 'Pulsa Reproducir para empezar a escuchar',
    speech: 'La voz ha dejado de funcionar',
  },
  errorHelp: {
    load: 'Comprueba la conexión y vuelve a intentarlo.',
    notArticle: 'Puede que el archivo esté dañado o tenga un formato incorrecto. El responsable del sitio puede revisarlo.',
    empty: 'No contiene texto que leer en voz alta.',
    noVoice: (lang) =>
      `Tu dispositivo no tiene ninguna voz en ${f.language(lang)}. Instala una en los ajustes de voz o de accesibilidad del sistema y vuelve a cargar la página.`,
    notAllowed: 'Tu navegador solo permite iniciar la voz después de pulsar un botón.',
    speech: 'Vuelve a intentarlo o elige otra voz.',
  },
  noSrc: 'No hay ningún artículo que reproducir.',
  help: {
    close: 'Cerrar',
    helpIntro:
      'Estas teclas funcionan mientras el foco esté en cualquier parte del reproductor. Un control deslizante, una lista o un botón con el foco conserva sus propias teclas.',
    helpGlobal: 'Desde cualquier parte de la página: las mismas teclas manteniendo pulsadas Alt y Mayús.',
    helpText:
      'En el texto del artículo, las flechas arriba y abajo pasan de una frase a otra; Intro o Espacio reproduce desde la frase que tiene el foco.',
    key: 'Tecla',
    action: 'Acción',
    rows: {
      toggle: 'Reproducir o pausar',
      sentence: 'Frase anterior o siguiente',
      section: 'Sección anterior o siguiente',
      start: 'Inicio del artículo',
      end: 'Última sección',
      rate: 'Más lento o más rápido',
      help: 'Esta ayuda',
    },
    keys: {
      shift: 'Mayús',
      space: 'Espacio',
      left: 'Flecha izquierda',
      right: 'Flecha derecha',
      up: 'Flecha arriba',
      down: 'Flecha abajo',
      pageUp: 'Re Pág',
      pageDown: 'Av Pág',
      home: 'Inicio',
      end: 'Fin',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'Seguir escuchando',
    lastListened: (at) => `Escuchaste por última vez el ${f.dateTime(at)}.`,
    resumeFrom: (where) => `Continuar desde «${f.isolate(where)}»`,
    startOver: 'Empezar de nuevo',
    saveForOffline: 'Guardar sin conexión',
    savedNote: 'Guardado: este artículo se puede escuchar sin conexión.',
    saveFailed: 'No se ha podido guardar este artículo para escucharlo sin conexión en esta ventana del navegador.',
    savedListEmpty: 'No hay artículos guardados para escuchar sin conexión.',
    savedListLabel: 'Artículos guardados para escuchar sin conexión',
    savedOn: (at) => `guardado el ${f.date(at)}`,
    remove: 'Quitar',
    removed: (title) => `Se ha quitado ${f.isolate(title)} de los artículos sin conexión.`,
    dismiss: 'Descartar',
    problemUnavailable:
      'No se pueden guardar tu posición ni tus ajustes en esta ventana del navegador (el almacenamiento está bloqueado). Puedes seguir escuchando.',
    problemQuota:
      'El almacenamiento está lleno, así que no se han podido conservar algunos artículos o audios para escucharlos sin conexión. Puedes seguir escuchando.',
    problemCorrupt:
      'Algunos datos guardados estaban dañados y se han descartado (puede que se hayan restablecido tu posición o algún ajuste).',
    problemVersion:
      'No se han podido usar algunos datos guardados por una versión anterior del reproductor, así que se han restablecido.',
  },
} satisfies Strings;
