/**
 * Arabic (العربية), Modern Standard. The shape and the notes on each key:
 * src/ui/strings.ts. Counted words follow Arabic plural rules through
 * Intl.PluralRules (دقيقة واحدة، دقيقتان، ٣ دقائق، ١٥ دقيقة).
 */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('ar');

const minutes = (n: number) =>
  f.plural(n, { one: 'دقيقة واحدة', two: 'دقيقتان', few: `${f.number(n)} دقائق`, other: `${f.number(n)} دقيقة` });

export default {
  locale: 'ar',
  player: 'مشغّل المقال',
  controls: 'عناصر التحكم في التشغيل',
  play: 'تشغيل',
  pause: 'إيقاف مؤقت',
  playAgain: 'إعادة التشغيل',
  previousSentence: 'الجملة السابقة',
  nextSentence: 'الجملة التالية',
  previousSection: 'القسم السابق',
  nextSection: 'القسم التالي',
  speed: 'السرعة',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'السرعة العادية' : `${f.number(roundRate(rate))} ضعف السرعة العادية`),
  voice: 'الصوت',
  automaticVoice: (lang) => `تلقائي (أفضل صوت للغة ${f.language(lang)})`,
  sectionText: (n, total, heading) =>
    `القسم ${f.number(n)} من ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  contents: 'المحتويات',
  untitledSection: 'مقدمة',
  playFromHere: 'اضغط Enter للتشغيل من هذه الجملة.',
  articleText: 'نص المقال',
  backToCurrent: 'العودة إلى الجملة الحالية',
  keyboardHelp: 'اختصارات لوحة المفاتيح',
  sleepTimer: 'مؤقت النوم',
  sleepOff: 'متوقف',
  sleepEndOfSection: 'نهاية هذا القسم',
  sleepMinutes: (m) => minutes(m),
  sleepLeft: (ms) => `يتبقى ${minutes(Math.ceil(ms / 60_000))}`,
  sleepFired: 'مؤقت النوم: أُوقف التشغيل مؤقتًا',
  keepScreenOn: 'إبقاء الشاشة مضاءة',
  followAlong: 'متابعة القراءة',
  updated: 'تم تحديث هذا المقال. يستمر التشغيل من الموضع نفسه.',
  miniPlayer: 'المشغّل المصغّر',
  closeMiniPlayer: 'إغلاق المشغّل المصغّر',
  nowReading: 'يُقرأ الآن',
  loading: 'جارٍ تحميل المقال',
  preparing: 'جارٍ تجهيز الصوت',
  preparingShort: 'جارٍ التجهيز',
  preparingName: 'جارٍ تجهيز الصوت، اضغط للإلغاء',
  cancelled: 'تم الإلغاء. اضغط «تشغيل» للبدء من جديد.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `تعذّر الوصول إلى الصوت عبر الإنترنت، لذا تستمر القراءة بصوت ${f.isolate(to)}.`
      : `تكرّر تعطّل الصوت، لذا تستمر القراءة بصوت ${f.isolate(to)}.`,
  ended: 'نهاية المقال',
  tryAgain: 'إعادة المحاولة',
  by: (byline) => f.isolate(byline),
  languageName: (tag) => f.language(tag),
  errorTitle: {
    offline: 'أنت غير متصل بالإنترنت',
    server: 'تعذّر على الموقع إرسال المقال',
    notFound: 'لم يُعثر على المقال',
    forbidden: 'لا يسمح الموقع للمشغّل بقراءة هذا المقال',
    invalidJson: 'ملف المقال تالف',
    noElement: 'لا يوجد في هذه الصفحة مقال للقراءة',
    load: 'تعذّر تحميل المقال',
    notArticle: 'هذا ليس مقالًا يستطيع المشغّل قراءته',
    empty: 'هذا المقال فارغ',
    noVoice: 'لا يوجد صوت يستطيع قراءة هذا المقال',
    notAllowed: 'اضغط «تشغيل» لبدء الاستماع',
    speech: 'توقّف الصوت عن العمل',
  },
  errorHelp: {
    offline: 'اتصل بالإنترنت، ثم أعد المحاولة.',
    server: (status: string) =>
      `حدثت مشكلة في الخادم (HTTP ${f.isolate(status)}). أعد المحاولة بعد قليل.`,
    notFound: (status: string) =>
      `ربما يكون الرابط قديمًا، أو نُقل المقال أو حُذف (HTTP ${f.isolate(status)}). تحقّق من العنوان، أو أبلغ صاحب الموقع.`,
    forbidden: (status: string) =>
      `قد يلزمك تسجيل الدخول، أو قد يكون المقال للمشتركين فقط (HTTP ${f.isolate(status)}). افتحه على الموقع أو أبلغ مالك الموقع.`,
    invalidJson: 'تعذّرت قراءة بياناته. يمكن لصاحب الموقع فحص الملف.',
    noElement: (id: string) =>
      `يقرأ المشغّل العنصر ذا المعرّف «${f.isolate(id)}»، ولا يوجد مثله في الصفحة. يمكن لصاحب الموقع فحص السمة for في المشغّل.`,
    load: 'تحقّق من اتصالك بالإنترنت، ثم أعد المحاولة.',
    notArticle: 'ربما يكون الملف تالفًا أو بتنسيق غير صحيح. يستطيع مالك الموقع التحقق منه.',
    empty: 'لا يحتوي على أي نص يمكن قراءته بصوت عالٍ.',
    noVoice: (lang) =>
      `لا يتوفر على جهازك صوت للغة ${f.language(lang)}. ثبّت صوتًا من إعدادات النطق أو إمكانية الوصول في نظامك، ثم أعد تحميل الصفحة.`,
    notAllowed: 'لا يسمح متصفحك ببدء النطق إلا بعد الضغط على زر.',
    speech: 'أعد المحاولة، أو اختر صوتًا آخر.',
  },
  noSrc: 'لا يوجد مقال لتشغيله.',
  // The compact bar.
  listenTo: (title: string) => `استمع: ${f.isolate(title)}`,
  listenLabel: 'استمع إلى هذا المقال',
  minutes: (seconds: number) => `${f.number(Math.max(1, Math.round(seconds / 60)))} د`,
  position: 'الموضع',
  positionText: (section: string, at: number, total: number) => `${section}، ${f.clock(at)} من ${f.clock(total)}`,
  remainingShort: (seconds: number) => f.remaining(seconds),
  elapsedShort: (seconds: number) => f.clock(seconds),
  skipControls: (title?: string) => (title ? `التنقّل: ${f.isolate(title)}` : 'التنقّل'),
  more: 'المزيد',
  skipPlayer: 'تخطَّ المشغّل',
  endOfPlayer: 'نهاية المشغّل',
  startOf: (section: string) => `بداية ${section}`,
  automaticNamed: (name: string) => `تلقائي: ${f.isolate(name)}`,
  voiceItem: (choice: string) => `الصوت: ${f.isolate(choice)}`,
  /** The More menu's sleep timer item, with its state. */
  sleepItem: (state: string) => `مؤقت النوم: ${state}`,
  done: 'تم',
  help: {
    close: 'إغلاق',
    helpIntro:
      'تعمل هذه المفاتيح ما دام التركيز في أي مكان داخل المشغّل. ويحتفظ شريط التمرير أو القائمة أو الزر الذي عليه التركيز بمفاتيحه الخاصة.',
    helpGlobal: 'في أي مكان من الصفحة: استخدم هذه المفاتيح مع الضغط باستمرار على Alt وShift.',
    helpText:
      'في نص المقال، ينقلك السهمان العلوي والسفلي بين الجمل، ويبدأ Enter أو مفتاح المسافة التشغيل من الجملة التي عليها التركيز.',
    key: 'المفتاح',
    action: 'الإجراء',
    rows: {
      toggle: 'تشغيل أو إيقاف مؤقت',
      sentence: 'الجملة السابقة أو التالية',
      section: 'القسم السابق أو التالي',
      start: 'بداية المقال',
      end: 'القسم الأخير',
      rate: 'أبطأ أو أسرع',
      help: 'هذه المساعدة',
    },
    keys: {
      separator: '، ',
      shift: 'Shift',
      space: 'مفتاح المسافة',
      left: 'السهم الأيسر',
      right: 'السهم الأيمن',
      up: 'السهم العلوي',
      down: 'السهم السفلي',
      pageUp: 'Page Up',
      pageDown: 'Page Down',
      home: 'Home',
      end: 'End',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'متابعة الاستماع',
    lastListened: (at) => `كان آخر استماع لك في ${f.dateTime(at)}.`,
    resumeFrom: (where) => `المتابعة من «${f.isolate(where)}»`,
    startOver: 'البدء من جديد',
    saveForOffline: 'حفظ للاستماع دون اتصال',
    removeOffline: 'إزالة النسخة المحفوظة',
    savedAnnounce: 'حُفظ للاستماع دون اتصال.',
    removedAnnounce: 'أُزيلت النسخة المحفوظة.',
    savedNote: 'تم الحفظ: يمكن تشغيل هذا المقال دون اتصال بالإنترنت.',
    saveFailed: 'تعذّر حفظ هذا المقال للاستماع دون اتصال في نافذة المتصفح هذه.',
    savedListEmpty: 'لا توجد مقالات محفوظة للاستماع دون اتصال.',
    savedListLabel: 'المقالات المحفوظة للاستماع دون اتصال',
    savedOn: (at) => `حُفظ في ${f.date(at)}`,
    remove: 'إزالة',
    removed: (title) => `تمت إزالة ${f.isolate(title)} من المقالات المحفوظة للاستماع دون اتصال.`,
    dismiss: 'إخفاء',
    problemUnavailable: 'لا يمكن حفظ موضعك وإعداداتك في نافذة المتصفح هذه (التخزين محظور). ولا يزال الاستماع متاحًا.',
    problemQuota:
      'مساحة التخزين ممتلئة، لذا تعذّر الاحتفاظ ببعض المقالات أو المقاطع الصوتية للاستماع دون اتصال. ولا يزال الاستماع متاحًا.',
    problemCorrupt: 'كانت بعض البيانات المحفوظة تالفة فحُذفت (ربما أُعيد ضبط موضعك أو أحد الإعدادات).',
    problemVersion: 'تعذّر استخدام بعض البيانات التي حفظها إصدار أقدم من المشغّل، فأُعيد ضبطها.',
  },
} satisfies Strings;
