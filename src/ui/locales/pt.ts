/**
 * Portuguese (português), in Brazilian usage ("tela", "arquivo", "player"),
 * the variant most listeners read; pt-PT falls back to it. The shape and the
 * notes on each key: src/ui/strings.ts.
 */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('pt');

export default {
  locale: 'pt',
  player: 'Player do artigo',
  controls: 'Controles de reprodução',
  play: 'Reproduzir',
  pause: 'Pausar',
  playAgain: 'Reproduzir de novo',
  previousSentence: 'Frase anterior',
  nextSentence: 'Próxima frase',
  previousSection: 'Seção anterior',
  nextSection: 'Próxima seção',
  speed: 'Velocidade',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'velocidade normal' : `${f.number(roundRate(rate))} vezes a velocidade normal`),
  voice: 'Voz',
  automaticVoice: (lang) => `Automática (melhor voz em ${f.language(lang)})`,
  sectionText: (n, total, heading) =>
    `Seção ${f.number(n)} de ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  contents: 'Sumário',
  untitledSection: 'Introdução',
  playFromHere: 'Prima Enter para reproduzir a partir desta frase.',
  articleText: 'Texto do artigo',
  backToCurrent: 'Voltar à frase atual',
  keyboardHelp: 'Atalhos de teclado',
  sleepTimer: 'Timer para dormir',
  sleepOff: 'Desativado',
  sleepEndOfSection: 'Fim desta seção',
  sleepMinutes: (m) => `${f.number(m)} minutos`,
  sleepLeft: (ms) => `faltam ${f.number(Math.ceil(ms / 60_000))} min`,
  sleepFired: 'Timer para dormir: pausado',
  keepScreenOn: 'Manter a tela ligada',
  followAlong: 'Acompanhar a leitura',
  updated: 'Este artigo foi atualizado. A reprodução continua do mesmo ponto.',
  miniPlayer: 'Miniplayer',
  closeMiniPlayer: 'Fechar o miniplayer',
  nowReading: 'Lendo agora',
  loading: 'Carregando o artigo',
  preparing: 'Preparando a voz',
  preparingShort: 'Preparando voz',
  preparingName: 'Preparando a voz, pressione para cancelar',
  cancelled: 'Interrompido. Pressione Reproduzir para começar de novo.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `Não foi possível acessar a voz on-line, então a leitura continua com ${f.isolate(to)}.`
      : `A voz falhou várias vezes, então a leitura continua com ${f.isolate(to)}.`,
  ended: 'Fim do artigo',
  tryAgain: 'Tentar de novo',
  by: (byline) => byline,
  languageName: (tag) => f.language(tag),
  errorTitle: {
    offline: 'Está sem ligação à internet',
    server: 'O site não conseguiu enviar o artigo',
    notFound: 'O artigo não foi encontrado',
    forbidden: 'O site não permite que o leitor leia este artigo',
    invalidJson: 'O ficheiro do artigo está danificado',
    noElement: 'Esta página não tem nenhum artigo para ler',
    load: 'Não foi possível carregar o artigo',
    notArticle: 'Este arquivo não é um artigo que o player consiga ler',
    empty: 'Este artigo está vazio',
    noVoice: 'Nenhuma voz consegue ler este artigo',
    notAllowed: 'Pressione Reproduzir para começar a ouvir',
    speech: 'A voz parou de funcionar',
  },
  errorHelp: {
    offline: 'Ligue-se à internet e tente novamente.',
    server: (status: string) =>
      `O servidor teve um problema (HTTP ${status}). Tente novamente daqui a pouco.`,
    notFound: (status: string) =>
      `A ligação pode estar desatualizada, ou o artigo foi movido ou removido (HTTP ${status}). Verifique o endereço ou avise o responsável pelo site.`,
    forbidden: (status: string) =>
      `Talvez seja preciso iniciar sessão, ou é só para assinantes (HTTP ${status}). Abra-o no site ou avise o responsável pelo site.`,
    invalidJson: 'Não foi possível ler os dados. O responsável pelo site pode verificar o ficheiro.',
    noElement: (id: string) =>
      `O leitor lê o elemento com o id «${f.isolate(id)}» e a página não tem nenhum. O responsável pelo site pode verificar o atributo for do leitor.`,
    load: 'Verifique sua conexão e tente de novo.',
    notArticle: 'O arquivo pode estar danificado ou em um formato incorreto. O responsável pelo site pode verificá-lo.',
    empty: 'Não há nele nenhum texto para ler em voz alta.',
    noVoice: (lang) =>
      `Seu dispositivo não tem nenhuma voz em ${f.language(lang)}. Instale uma nas configurações de fala ou de acessibilidade do sistema e recarregue a página.`,
    notAllowed: 'Seu navegador só permite iniciar a fala depois que você pressiona um botão.',
    speech: 'Tente de novo ou escolha outra voz.',
  },
  noSrc: 'Nenhum artigo para reproduzir.',
  // The compact bar.
  listenTo: (title: string) => `Ouvir: ${f.isolate(title)}`,
  listenLabel: 'Ouvir este artigo',
  minutes: (seconds: number) => `${f.number(Math.max(1, Math.round(seconds / 60)))} min`,
  position: 'Posição',
  positionText: (section: string, at: number, total: number) => `${section}, ${f.clock(at)} de ${f.clock(total)}`,
  remainingShort: (seconds: number) => f.remaining(seconds),
  elapsedShort: (seconds: number) => f.clock(seconds),
  skipControls: (title?: string) => (title ? `Pular: ${f.isolate(title)}` : 'Pular'),
  more: 'Mais',
  skipPlayer: 'Pular o player',
  endOfPlayer: 'Fim do player',
  startOf: (section: string) => `Início de ${section}`,
  automaticNamed: (name: string) => `Automática: ${f.isolate(name)}`,
  voiceItem: (choice: string) => `Voz: ${f.isolate(choice)}`,
  /** The More menu's sleep timer item, with its state. */
  sleepItem: (state: string) => `Timer para dormir: ${state}`,
  done: 'Concluído',
  help: {
    close: 'Fechar',
    helpIntro:
      'Estas teclas funcionam enquanto o foco estiver em qualquer parte do player. Um controle deslizante, uma lista ou um botão com foco mantém as próprias teclas.',
    helpGlobal: 'Em qualquer lugar da página: as mesmas teclas mantendo Alt e Shift pressionadas.',
    helpText:
      'No texto do artigo, as setas para cima e para baixo passam de uma frase a outra; Enter ou Espaço reproduz a partir da frase com foco.',
    key: 'Tecla',
    action: 'Ação',
    rows: {
      toggle: 'Reproduzir ou pausar',
      sentence: 'Frase anterior ou próxima',
      section: 'Seção anterior ou próxima',
      start: 'Início do artigo',
      end: 'Última seção',
      rate: 'Mais devagar ou mais rápido',
      help: 'Esta ajuda',
    },
    keys: {
      separator: ', ',
      shift: 'Shift',
      space: 'Espaço',
      left: 'Seta para a esquerda',
      right: 'Seta para a direita',
      up: 'Seta para cima',
      down: 'Seta para baixo',
      pageUp: 'Page Up',
      pageDown: 'Page Down',
      home: 'Home',
      end: 'End',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'Continuar ouvindo',
    lastListened: (at) => `Você ouviu pela última vez em ${f.dateTime(at)}.`,
    resumeFrom: (where) => `Retomar de “${f.isolate(where)}”`,
    startOver: 'Começar do início',
    saveForOffline: 'Salvar para ouvir off-line',
    removeOffline: 'Remover a cópia offline',
    savedAnnounce: 'Guardado para ouvir offline.',
    removedAnnounce: 'Cópia offline removida.',
    savedNote: 'Salvo: este artigo pode ser ouvido sem conexão.',
    saveFailed: 'Não foi possível salvar este artigo para ouvir off-line nesta janela do navegador.',
    savedListEmpty: 'Nenhum artigo salvo para ouvir off-line.',
    savedListLabel: 'Artigos salvos para ouvir off-line',
    savedOn: (at) => `salvo em ${f.date(at)}`,
    remove: 'Remover',
    removed: (title) => `${f.isolate(title)} foi removido dos artigos off-line.`,
    dismiss: 'Dispensar',
    problemUnavailable:
      'Não é possível salvar sua posição e suas configurações nesta janela do navegador (o armazenamento está bloqueado). Você ainda pode ouvir normalmente.',
    problemQuota:
      'O armazenamento está cheio, então alguns artigos ou áudios não puderam ser guardados para ouvir off-line. Você ainda pode ouvir normalmente.',
    problemCorrupt:
      'Alguns dados salvos estavam danificados e foram descartados (sua posição ou uma configuração pode ter sido redefinida).',
    problemVersion: 'Alguns dados salvos por uma versão anterior do player não puderam ser usados e foram redefinidos.',
  },
} satisfies Strings;
