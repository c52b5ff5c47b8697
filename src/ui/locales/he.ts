/**
 * Hebrew (עברית), in the gender-neutral infinitive of Hebrew interfaces
 * ("יש ללחוץ", "סגירה"). The shape and the notes on each key:
 * src/ui/strings.ts. Counted minutes follow Hebrew plural rules through
 * Intl.PluralRules (דקה אחת, שתי דקות, 15 דקות).
 */
import { roundRate } from '../../player/settings.ts';
import { formats } from '../format-extra.ts';
import type { Strings } from '../strings.ts';

const f = formats('he');

const minutes = (n: number) => f.plural(n, { one: 'דקה אחת', two: 'שתי דקות', other: `${f.number(n)} דקות` });

export default {
  locale: 'he',
  player: 'נגן הכתבה',
  controls: 'פקדי הפעלה',
  play: 'הפעלה',
  pause: 'השהיה',
  playAgain: 'הפעלה מחדש',
  previousSentence: 'המשפט הקודם',
  nextSentence: 'המשפט הבא',
  previousSection: 'הקטע הקודם',
  nextSection: 'הקטע הבא',
  speed: 'מהירות',
  rateShort: (rate) => f.rate(roundRate(rate)),
  rateLong: (rate) => (roundRate(rate) === 1 ? 'מהירות רגילה' : `מהירות פי ${f.number(roundRate(rate))}`),
  voice: 'קול',
  automaticVoice: (lang) => `אוטומטי (הקול הטוב ביותר ב${f.language(lang)})`,
  sectionText: (n, total, heading) =>
    `קטע ${f.number(n)} מתוך ${f.number(total)}${heading ? `: ${f.isolate(heading)}` : ''}`,
  contents: 'תוכן העניינים',
  untitledSection: 'מבוא',
  playFromHere: 'יש ללחוץ Enter כדי להשמיע מהמשפט הזה.',
  articleText: 'טקסט הכתבה',
  backToCurrent: 'חזרה למשפט הנוכחי',
  keyboardHelp: 'קיצורי מקלדת',
  sleepTimer: 'טיימר שינה',
  sleepOff: 'כבוי',
  sleepEndOfSection: 'בסוף הקטע הזה',
  sleepMinutes: (m) => minutes(m),
  sleepLeft: (ms) => `נותרו ${f.number(Math.ceil(ms / 60_000))} דק׳`,
  sleepFired: 'טיימר שינה: ההפעלה הושהתה',
  keepScreenOn: 'להשאיר את המסך דלוק',
  followAlong: 'מעקב אחר ההקראה',
  updated: 'הכתבה עודכנה. ההפעלה ממשיכה מאותו מקום.',
  miniPlayer: 'נגן מוקטן',
  closeMiniPlayer: 'סגירת הנגן המוקטן',
  nowReading: 'מוקרא כעת',
  loading: 'הכתבה נטענת',
  preparing: 'הקול בהכנה',
  preparingShort: 'בהכנה',
  preparingName: 'הקול בהכנה, יש ללחוץ לביטול',
  cancelled: 'ההפעלה הופסקה. יש ללחוץ על ״הפעלה״ כדי להתחיל מחדש.',
  voiceReplaced: (reason, to) =>
    reason === 'network'
      ? `לא ניתן להתחבר לקול המקוון, ולכן ההקראה ממשיכה עם ${f.isolate(to)}.`
      : `הקול נכשל שוב ושוב, ולכן ההקראה ממשיכה עם ${f.isolate(to)}.`,
  ended: 'סוף הכתבה',
  tryAgain: 'ניסיון נוסף',
  by: (byline) => f.isolate(byline),
  languageName: (tag) => f.language(tag),
  errorTitle: {
    offline: 'אין חיבור לאינטרנט',
    server: 'האתר לא הצליח לשלוח את הכתבה',
    notFound: 'הכתבה לא נמצאה',
    forbidden: 'האתר לא מאפשר לנגן לקרוא את הכתבה הזו',
    invalidJson: 'קובץ הכתבה פגום',
    noElement: 'אין בדף הזה כתבה להקראה',
    load: 'לא ניתן לטעון את הכתבה',
    notArticle: 'זו אינה כתבה שהנגן יכול לקרוא',
    empty: 'הכתבה ריקה',
    noVoice: 'אין קול שיכול להקריא את הכתבה',
    notAllowed: 'יש ללחוץ על ״הפעלה״ כדי להתחיל להאזין',
    speech: 'הקול הפסיק לפעול',
  },
  errorHelp: {
    offline: 'יש להתחבר לאינטרנט ולנסות שוב.',
    server: (status: string) =>
      `אירעה בעיה בשרת (HTTP ${f.isolate(status)}). כדאי לנסות שוב בעוד רגע.`,
    notFound: (status: string) =>
      `ייתכן שהקישור ישן, או שהכתבה הועברה או הוסרה (HTTP ${f.isolate(status)}). כדאי לבדוק את הכתובת או לפנות לבעלי האתר.`,
    forbidden: (status: string) =>
      `ייתכן שצריך להתחבר, או שהכתבה מיועדת למנויים בלבד (HTTP ${f.isolate(status)}). אפשר לפתוח אותה באתר או לפנות לבעלי האתר.`,
    invalidJson: 'לא ניתן היה לקרוא את הנתונים שלה. בעלי האתר יכולים לבדוק את הקובץ.',
    noElement: (id: string) =>
      `הנגן מקריא את הרכיב שהמזהה שלו „${f.isolate(id)}”, ואין כזה בדף. בעלי האתר יכולים לבדוק את מאפיין for של הנגן.`,
    load: 'כדאי לבדוק את החיבור לאינטרנט ולנסות שוב.',
    notArticle: 'ייתכן שהקובץ פגום או בפורמט שגוי. בעלי האתר יכולים לבדוק אותו.',
    empty: 'אין בה טקסט להקראה.',
    noVoice: (lang) =>
      `אין במכשיר קול ל${f.language(lang)}. אפשר להתקין קול בהגדרות הדיבור או הנגישות של המערכת, ואז לטעון מחדש את הדף.`,
    notAllowed: 'הדפדפן מאפשר להתחיל הקראה רק אחרי לחיצה על כפתור.',
    speech: 'כדאי לנסות שוב או לבחור קול אחר.',
  },
  noSrc: 'אין כתבה להפעלה.',
  // The compact bar.
  listenTo: (title: string) => `האזנה: ${f.isolate(title)}`,
  listenLabel: 'האזנה לכתבה',
  minutes: (seconds: number) => `${f.number(Math.max(1, Math.round(seconds / 60)))} דק׳`,
  position: 'מיקום',
  positionText: (section: string, at: number, total: number) => `${section}, ${f.clock(at)} מתוך ${f.clock(total)}`,
  remainingShort: (seconds: number) => f.remaining(seconds),
  elapsedShort: (seconds: number) => f.clock(seconds),
  skipControls: (title?: string) => (title ? `דילוג: ${f.isolate(title)}` : 'דילוג'),
  more: 'עוד',
  skipPlayer: 'דילוג על הנגן',
  endOfPlayer: 'סוף הנגן',
  startOf: (section: string) => `תחילת ${section}`,
  automaticNamed: (name: string) => `אוטומטי: ${f.isolate(name)}`,
  voiceItem: (choice: string) => `קול: ${f.isolate(choice)}`,
  /** The More menu's sleep timer item, with its state. */
  sleepItem: (state: string) => `טיימר שינה: ${state}`,
  done: 'סיום',
  help: {
    close: 'סגירה',
    helpIntro:
      'המקשים האלה פועלים כל עוד המיקוד נמצא בנגן. מחוון, רשימה או כפתור שנמצאים במיקוד שומרים על המקשים שלהם.',
    helpGlobal: 'מכל מקום בדף: אותם מקשים יחד עם Alt ו־Shift לחוצים.',
    helpText: 'בטקסט הכתבה, החצים למעלה ולמטה עוברים בין המשפטים; Enter או רווח מפעילים מהמשפט שבמיקוד.',
    key: 'מקש',
    action: 'פעולה',
    rows: {
      toggle: 'הפעלה או השהיה',
      sentence: 'המשפט הקודם או הבא',
      section: 'הקטע הקודם או הבא',
      start: 'תחילת הכתבה',
      end: 'הקטע האחרון',
      rate: 'לאט יותר או מהר יותר',
      help: 'העזרה הזו',
    },
    keys: {
      separator: ', ',
      shift: 'Shift',
      space: 'רווח',
      left: 'חץ שמאלה',
      right: 'חץ ימינה',
      up: 'חץ למעלה',
      down: 'חץ למטה',
      pageUp: 'Page Up',
      pageDown: 'Page Down',
      home: 'Home',
      end: 'End',
    },
  },
  offline: {
    size: (bytes) => f.size(bytes),
    resumeGroup: 'המשך האזנה',
    lastListened: (at) => `האזנת לאחרונה ב־${f.dateTime(at)}.`,
    resumeFrom: (where) => `המשך מ״${f.isolate(where)}״`,
    startOver: 'התחלה מההתחלה',
    saveForOffline: 'שמירה להאזנה אופליין',
    removeOffline: 'הסרת העותק הלא־מקוון',
    savedAnnounce: 'נשמר להאזנה ללא חיבור.',
    removedAnnounce: 'העותק הלא־מקוון הוסר.',
    savedNote: 'נשמר: אפשר להאזין לכתבה הזו גם בלי חיבור לאינטרנט.',
    saveFailed: 'לא ניתן היה לשמור את הכתבה להאזנה אופליין בחלון הדפדפן הזה.',
    savedListEmpty: 'אין כתבות שמורות להאזנה אופליין.',
    savedListLabel: 'כתבות שמורות להאזנה אופליין',
    savedOn: (at) => `נשמר ב־${f.date(at)}`,
    remove: 'הסרה',
    removed: (title) => `${f.isolate(title)} הוסרה מהכתבות השמורות.`,
    dismiss: 'סגירה',
    problemUnavailable: 'לא ניתן לשמור את המיקום וההגדרות שלך בחלון הדפדפן הזה (האחסון חסום). ההאזנה עדיין פועלת.',
    problemQuota: 'האחסון מלא, ולכן חלק מהכתבות או מקטעי השמע לא נשמרו להאזנה אופליין. ההאזנה עדיין פועלת.',
    problemCorrupt: 'חלק מהנתונים השמורים היו פגומים ונמחקו (ייתכן שהמיקום או אחת ההגדרות אופסו).',
    problemVersion: 'לא ניתן היה להשתמש בחלק מהנתונים שנשמרו בגרסה ישנה יותר של הנגן, ולכן הם אופסו.',
  },
} satisfies Strings;
