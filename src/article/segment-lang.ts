/**
 * Per-language tables for the sentence segmenter (see docs/segmentation.md).
 *
 * Abbreviations are written without their final period. Multi-part forms are
 * written with inner periods and no spaces ("z.b", "т.е"): the segmenter
 * builds the same key from "z. B." or "z.B.". An entry written all in lower
 * case matches any case; an entry with a capital matches exactly ("Mr" matches
 * "Mr." but not "mr.").
 *
 * Three classes:
 * - prefix: titles and "introducers" that precede what they qualify (Mr., Dr.,
 *   Col., e.g., z. B., т. е.). They never end a sentence: always joined.
 * - numeric: only an abbreviation before a number (No. 5, Fig. 3, Nr. 7, с. 12).
 * - suffix: closes a name or a list (Inc., Corp., Jr., GmbH, etc., usw., т. д.):
 *   joined before lower case, a number or an acronym; a capitalised word after
 *   it starts a new sentence (it never modifies the proper noun that follows,
 *   unlike U.S. or St.).
 * - general: may end a sentence or precede a name (U.S., St., Jan., г.); joined unless
 *   the next word looks like a sentence start.
 * Single letters (initials), compact dotted forms (U.S.A., a.m., Ph.D.) and, in
 * languages that write ordinals with a period (German "3. Oktober"), numbers of
 * one to three digits are "general" without being listed.
 */

export interface LangTable {
  prefix: Matcher;
  numeric: Matcher;
  general: Matcher;
  /** Name-final abbreviations (Inc., Corp., Jr.): a capitalised word after them starts a sentence. */
  suffix: Matcher;
  /** Every part of every abbreviation, lower case: a quick filter. */
  any: Set<string>;
  /** Longest entry of `any`, in UTF-16 units. */
  maxLen: number;
  /** Capitalised words that commonly open a sentence (pronouns, articles, conjunctions…). */
  starters: Set<string>;
  /** Lower-case words after which a line break is only a soft wrap. */
  joiners: Set<string>;
  /** Ordinal numbers are written "3." (de, da, fi, cs, …). */
  ordinals: boolean;
  /** German-style quotes: „…“ and »…« (» opens, « and “ close). */
  deQuotes: boolean;
  /** Words that continue a sentence after a closing quote (ja: と, って). */
  quotatives: string[];
  /** Verbs of saying (lower case): `"Why?" Maria asked.` is one sentence. */
  speechVerbs: Set<string>;
}

export interface Matcher {
  exact: Set<string>;
  lower: Set<string>;
}

function matcher(words: string): Matcher {
  const exact = new Set<string>();
  const lower = new Set<string>();
  for (const w of words.split(/\s+/)) {
    if (!w) continue;
    if (w === w.toLowerCase()) lower.add(w);
    else exact.add(w);
  }
  return { exact, lower };
}

export function matches(m: Matcher, word: string): boolean {
  return m.exact.has(word) || m.lower.has(word.toLowerCase());
}

function words(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

// Shared by every language: mixed-language text keeps these.
const UNIVERSAL_PREFIX = 'Dr Prof e.g i.e cf vs viz';
const UNIVERSAL_GENERAL = '';
const UNIVERSAL_SUFFIX = 'etc Inc Ltd';

interface Spec {
  prefix?: string;
  numeric?: string;
  general?: string;
  suffix?: string;
  starters?: string;
  joiners?: string;
  ordinals?: boolean;
  deQuotes?: boolean;
  quotatives?: string[];
  speechVerbs?: string;
}

const SPECS: Record<string, Spec> = {
  en: {
    prefix:
      'Mr Mrs Ms Messrs Mmes Dr Drs Prof Rev Revd Hon Fr Msgr Sen Sens Rep Reps Gov Govs Gen Lt Col Maj ' +
      'Capt Cpt Sgt Cpl Pvt Spc Adm Cmdr Cdr Brig Insp Supt Det Pres Atty Amb Gens Lieut Comdr ' +
      'e.g i.e cf vs v viz approx ca esp incl excl resp',
    numeric: 'no nos fig figs vol vols p pp ch chap art sec sect eq eqs ex tab pl op para nr',
    general:
      'St Ste Mt Ft Pt Ave Blvd Rd Hwy Sq Dept Univ Assn Est ' +
      'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
      'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont ' +
      'Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo ' +
      'al dept est min max misc yr yrs hr hrs sq ft mi oz lb lbs gal govt natl intl',
    suffix: 'Inc Corp Ltd Co Cos Bros Jr Sr plc Plc LLC Llc',
    speechVerbs:
      'said says asked asks replied replies shouted yelled told added wrote writes cried whispered ' +
      'screamed answered insisted explained continued noted warned recalled exclaimed demanded ' +
      'wondered muttered laughed sighed tweeted declared announced begged pleaded',
    starters:
      'I A An The This That These Those He She It We They You His Her Its Our Their My Your ' +
      'There Here Then Now But And Or So Yet Nor If When While After Before Since Although Though ' +
      'Because As At In On By With Without From To Into Over Under During Despite Following According ' +
      'Meanwhile However Moreover Furthermore Also Still Instead Otherwise Thus Therefore Indeed ' +
      'Nevertheless Nonetheless Later Earlier Today Yesterday Tomorrow Tonight Last Next First Finally ' +
      'Eventually Some Many Most Few Several All Both Each Every Neither Either None Nothing Nobody ' +
      'Everyone Everybody Someone Somebody Anyone One What Who Why How Where Which Whose Whom Whatever ' +
      'Is Are Was Were Do Does Did Can Could Should Would Might Must Has Have Had Let Please Yes Such ' +
      'Other Another Much More Less Only Just Even Perhaps Maybe Almost Nearly Once Unlike Like ' +
      'Officials Police Authorities Residents Critics Experts Analysts Witnesses Troops Forces ' +
      'Researchers Scientists People Children Students Investigators Prosecutors Lawmakers Voters ' +
      'Workers Protesters Rescuers Doctors Soldiers Fighters Families Sources Reports Shares Prices',
    joiners:
      'the a an of to in on at for with by from and or but nor as that than into onto about over under ' +
      'between through per via its their his her our your my this these those is are was were be been ' +
      'being has have had will would can could should may might must not no said says who which whose ' +
      'whom where when while if because although though after before since until during without within ' +
      'across against along among around behind beyond toward towards upon',
  },
  de: {
    prefix:
      'Hr Hrn Fr Frl Dr Prof Dipl Ing Mag Hl St z.b d.h v.a i.d.r z.t u.u bzw vgl ggf evtl sog ca inkl ' +
      'exkl zzgl abzgl bspw i.a u.e s.a',
    numeric: 'nr abs s bd art kap abb tab anm ziff hft lfd',
    general:
      'u.a o.a o.ä u.ä s.o s.u Mio Mrd Tsd Jh Jhd Str Tel Jan Feb Mär Apr Jun Jul Aug Sep Sept ' +
      'Okt Nov Dez Mo Di Mi Do Fr Sa So v.chr n.chr geb gest verh',
    suffix: 'usw etc Co GmbH AG e.V KG',
    starters:
      'Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Du Ihr Man Dies Diese ' +
      'Dieser Dieses Diesen Dann Danach Doch Aber Und Oder Denn Auch Als Wenn Weil Da Dort Hier Heute ' +
      'Gestern Im In Am Auf An Aus Bei Mit Nach Seit Von Vor Zu Zum Zur Für Über Unter Gegen Ohne Um ' +
      'Wie Was Wer Wo Wann Warum So Noch Nur Schon Jetzt Nun Damit Dabei Trotzdem Deshalb Deswegen ' +
      'Außerdem Zudem Allerdings Jedoch Kein Keine Alle Viele Mehr Sein Seine Ihre Mein Meine Unser ' +
      'Unsere Nicht Ja Nein Laut Zwar Bereits Später Erst Dennoch Also Insgesamt Derzeit Zuvor Bis ' +
      'Während Obwohl Nachdem Bevor Seitdem Sobald Dazu Darauf Daher Dafür Dagegen Sonst Vielleicht',
    joiners:
      'der die das den dem des ein eine einen einem einer und oder aber in im am an auf aus bei mit ' +
      'nach seit von vor zu zum zur für über unter gegen ohne um wie als dass daß ist sind war waren ' +
      'hat haben hatte wird werden wurde nicht sich',
    ordinals: true,
    deQuotes: true,
  },
  fr: {
    prefix: 'M MM Mme Mmes Mlle Mlles Me Mgr Dr Pr St Ste cf env p.ex c.-à-d vs',
    numeric: 'p pp no vol chap art fig éd',
    general:
      'av apr J.-C janv févr avr juil sept oct nov déc lun mar mer jeu ven sam dim Cie Ets ' +
      'boul bd av',
    suffix: 'etc Cie Ets',
    starters:
      "L D C J Qu S N M Le La Les Un Une Des Du De Il Elle Ils Elles On Nous Vous Je Tu Ce Cette Ces " +
      'Cet Mais Et Ou Donc Or Ni Car Puis Ensuite Alors Dans En Au Aux Pour Par Sur Sous Avec Sans ' +
      'Selon Chez Après Avant Depuis Pendant Quand Si Comme Lorsque Aujourd Hier Demain Ici Là Voici ' +
      'Voilà Pourtant Cependant Toutefois Enfin Ainsi Aussi Même Tout Tous Toutes Chaque Plusieurs ' +
      'Certains Son Sa Ses Leur Leurs Mon Ma Mes Notre Nos Votre Vos Qui Que Quoi Où Pourquoi Comment ' +
      'Combien Quel Quelle Quels Quelles Non Oui Parce Déjà Encore Bien Rien Personne',
    joiners:
      'le la les un une des du de et ou mais dans en au aux pour par sur sous avec sans à que qui ' +
      'est sont était a ont ne pas plus son sa ses leur leurs ce cette',
  },
  es: {
    prefix: 'Sr Sra Srta Sres Sras Dr Dra Dres Lic Lcda Ing Arq Prof Profa D Dña Ud Uds Vd Vds Excmo Excma Mons p.ej aprox cf vs',
    numeric: 'núm n pág págs p art cap vol fig',
    suffix: 'etc Cía Hnos Ltda S.A S.L',
    general:
      'Av Avda a.c d.c ee.uu ene feb mar abr may jun jul ago sep sept oct nov dic',
    starters:
      'El La Los Las Lo Un Una Unos Unas Él Ella Ellos Ellas Yo Tú Usted Nosotros Nosotras Vosotros ' +
      'Ustedes Este Esta Estos Estas Esto Ese Esa Esos Esas Eso Aquel Aquella Pero Y O Sin Con En De ' +
      'Del Al Por Para Desde Hasta Según Sobre Entre Tras Ante Durante Cuando Si Como Porque Pues ' +
      'Luego Después Antes Ahora Hoy Ayer Mañana Aquí Allí Allá Entonces Además También Tampoco No Sí ' +
      'Ya Aún Todavía Mientras Aunque Su Sus Mi Mis Tu Tus Nuestro Nuestra Nuestros Nuestras Qué Quién ' +
      'Cómo Dónde Cuándo Cuál Hay Es Fue Era Se Le Les Me Te Nos Muchos Muchas Todo Todos Toda Todas ' +
      'Cada Otro Otra Otros Otras Nadie Nada Algunos Algunas',
    joiners:
      'el la los las un una unos unas de del al en y o pero con sin por para que se su sus es fue ' +
      'era no lo le',
  },
  it: {
    prefix: 'Sig Sigg Sig.ra Sig.na Dott Dott.ssa Prof Prof.ssa Avv Ing Geom Arch On Egr Gent Spett Mons p.es cfr ca',
    numeric: 'pag pagg p n art vol cap fig',
    general: 'gen febbr mar apr magg giu lug ag ago sett ott nov dic',
    suffix: 'ecc etc S.p.A S.r.l',
    starters:
      'Il Lo La I Gli Le L Un Uno Una Lui Lei Loro Noi Voi Io Tu Questo Questa Questi Queste Quello ' +
      'Quella Ma E O Poi Però Quindi Allora Anche In Nel Nella Di Del Della Da Dal Dalla Con Per Su ' +
      'Tra Fra Dopo Prima Quando Se Come Perché Oggi Ieri Domani Qui Non Sì Già Ancora Mentre Ci Si ' +
      'C Chi Che Cosa Dove Tutti Tutto Ogni Alcuni Molti',
    joiners: 'il lo la i gli le un uno una di del della da dal in nel con per su tra fra e o ma che non è',
  },
  pt: {
    prefix: 'Sr Sra Srta Dr Dra Prof Profa Exmo Exma Eng D p.ex aprox cf vs',
    numeric: 'pág págs p n art cap vol fig',
    suffix: 'etc Cia Ltda S.A',
    general: 'Av jan fev mar abr mai jun jul ago set out nov dez a.c d.c',
    starters:
      'O A Os As Um Uma Uns Umas Ele Ela Eles Elas Eu Nós Você Vocês Este Esta Isto Esse Essa Isso ' +
      'Aquele Aquela Mas E Ou Em No Na Nos Nas Do Da Dos Das De Por Para Com Sem Sobre Entre Depois ' +
      'Antes Quando Se Como Porque Hoje Ontem Amanhã Aqui Ali Não Sim Já Ainda Também Então Todos Cada',
    joiners: 'o a os as um uma de do da dos das em no na e ou mas com sem por para que se não é foi',
  },
  da: {
    prefix: 'Hr Fru Frk Dr Prof Skt St bl.a f.eks dvs mht ca jf evt ift vha pga inkl ekskl',
    numeric: 'nr s kap stk tlf',
    general: 'jan feb mar apr jun jul aug sep sept okt nov dec kl mio mia',
    suffix: 'mv osv m.fl m.m A/S ApS',
    starters:
      'Han Hun Den Det De Vi Jeg Du I Der Her Men Og Eller Så Når Hvis Da Efter Før Nu I På Med Til ' +
      'Fra For Om Ved Som Hvad Hvem Hvor Hvorfor Hvordan Alle Mange Nogle Også Ikke Denne Dette Disse',
    joiners: 'og i på med til fra for om ved af en et den det de som at er var har ikke',
  },
  sk: {
    prefix: 'napr t.j tzv resp Ing Mgr Bc PhDr JUDr MUDr RNDr PaedDr doc prof p pí sv tzn príp cca vs',
    numeric: 'č s str ods odst obr tab',
    general: 'jan feb mar apr jún júl aug sep sept okt nov dec tis mil mld hod',
    suffix: 'atď a.i a.pod a.s s.r.o',
    starters:
      'On Ona Ono Oni Ony My Ja Ty Vy To Ten Tá Tí Tie Ale A Alebo Keď Ak Potom Teraz Dnes Včera Zajtra ' +
      'Tu Tam Aj Už Ešte Len V Vo Na Z Zo S So K Ku O Pre Pri Po Od Do Za Čo Kto Kde Prečo Ako Všetci',
    joiners: 'a v vo na z zo s so k ku o pre pri po od do za že je bol bola bolo sú nie',
  },
  nl: {
    prefix: 'Dhr Mevr Mr Dr Prof Ir Drs Ing Mgr bijv m.b.t t.a.v i.p.v z.g.a.n ca vs',
    numeric: 'nr blz p art fig',
    general: 'o.a e.d jan feb mrt apr jun jul aug sep sept okt nov dec',
    suffix: 'enz etc B.V N.V',
    starters:
      'De Het Een Hij Zij Ze Wij We Ik Jij Je U Dit Dat Deze Die Maar En Of Dan Daarna Toen Nu In Op ' +
      'Aan Met Voor Na Bij Uit Van Naar Om Over Als Want Omdat Hoewel Er Ook Niet Geen Wel Zo Hier ' +
      'Daar Vandaag Gisteren Morgen Wat Wie Waar Waarom Hoe Alle Veel',
    joiners: 'de het een van in op aan met voor bij uit naar om over en of maar dat die is zijn was niet',
  },
  ru: {
    prefix:
      'т.е т.к т.н т.о напр им проф акад доц гр тов св ок англ лат нем франц рус греч ср см ' +
      'г-н г-жа',
    numeric: 'стр с рис табл ст ч гл п разд вып т',
    general:
      'г гг в вв д кв ул пр просп пер пл обл р-н пос дер о оз пр тыс млн млрд руб коп ' +
      'долл н.э до.н.э янв февр мар апр авг сент окт нояб дек',
    suffix: 'т.д т.п др',
    starters:
      'Он Она Оно Они Мы Я Ты Вы Это Этот Эта Эти Тот Та Те То Но А И Или Да Нет В Во На С Со К Ко ' +
      'По О Об У Из За Для Без При Про Над Под Перед После До Через Когда Если Как Что Чтобы Потому ' +
      'Поэтому Потом Затем Тогда Теперь Сейчас Сегодня Вчера Завтра Здесь Там Также Тоже Однако ' +
      'Кроме Все Всё Каждый Его Ее Её Их Мой Моя Наш Наша Ваш Кто Где Почему Зачем Какой Какая Уже ' +
      'Ещё Еще Даже Только Вот Ни Не Так Поскольку Хотя Впрочем Итак Между Среди Многие Некоторые',
    joiners:
      'и в во на с со к по о об у из за для без при про над под и а но или что как не это его её их ' +
      'был была было были',
  },
  uk: {
    prefix: 'т.зв т.б напр ім проф акад доц св див',
    numeric: 'с ст рис табл',
    general: 'р рр ст вул м обл тис млн млрд грн н.е',
    suffix: 'т.д т.п ін',
    starters:
      'Він Вона Воно Вони Ми Я Ти Ви Це Цей Ця Ці Той Та Ті Те Але А І Й Або Так Ні В У На З Зі До ' +
      'По Про Під Над Після Перед Через Коли Якщо Як Що Щоб Тому Потім Тоді Тепер Зараз Сьогодні ' +
      'Вчора Завтра Тут Там Також Однак Усі Всі Його Її Їх Хто Де Чому Вже Ще Навіть Лише Тільки',
    joiners: 'і й в у на з до по про під над а але або що як не це',
  },
  ar: {
    // Arabic has no letter case: an abbreviation is joined only when it is a
    // known prefix (د. = Dr.), otherwise the segmenter keeps Intl's break.
    prefix: 'د أ.د م.م',
    numeric: 'ص ج',
    general: 'م هـ ق.م',
  },
  hi: {
    prefix: 'डॉ श्री श्रीमती सुश्री प्रो',
    numeric: 'पृ सं',
    general: 'ई ई.पू',
  },
  pl: {
    prefix: 'np tzn tzw prof dr hab mgr inż ks płk gen mjr kpt por ppor św ul al pl os ob m.in',
    numeric: 'nr str s rys tab poz',
    general: 'tys mln mld zł gr godz min sty lut mar kwi maj cze lip sie wrz paź lis gru r w',
    suffix: 'itd itp i.in',
    starters:
      'On Ona Ono Oni One My Ja Ty Wy To Ten Ta Te Ale A I Lub Albo Gdy Kiedy Jeśli Jeżeli Potem ' +
      'Teraz Dziś Dzisiaj Wczoraj Jutro Tu Tam Też Także Już Jeszcze W We Na Z Ze Do Od Po Przez Dla ' +
      'Bez Pod Nad Co Kto Gdzie Dlaczego Jak Wszyscy Nie Tak Jego Jej Ich Czy Mimo Według',
    joiners: 'i w we na z ze do od po przez dla że jest był była było są nie oraz a ale lub to się',
  },
  bg: {
    prefix: 'г-н г-жа г-ца проф доц акад д-р т.е напр вж ул бул пл св',
    numeric: 'стр с бр ал чл т',
    general: 'г гр хил млн млрд лв ст ч мин',
    suffix: 'т.н др',
    starters:
      'Той Тя То Те Ние Аз Ти Вие Това Този Тази Тези Но А И Или Да Не В Във На С Със К Към По За От ' +
      'До При След Преди Когато Ако Как Че Защото Затова После Тогава Сега Днес Вчера Утре Тук Там ' +
      'Също Всички Кой Къде Защо Вече Още Дори Само Според',
    joiners: 'и в във на с със към по за от до при че е са не се като',
  },
  kk: {
    prefix: 'проф акад доц т.с.с көш',
    numeric: 'б бет',
    general: 'ж жж ғ мың млн млрд б.з.б б.з теңге обл',
    suffix: 'т.б т.т',
    starters:
      'Ол Олар Біз Мен Сен Сіз Бұл Осы Сол Бірақ Және Немесе Егер Кейін Қазір Бүгін Кеше Ертең Мұнда ' +
      'Онда Барлық Кім Қайда Неге Қалай Сондықтан Алайда Дегенмен Сонымен',
    joiners: 'және мен мен де да бен пен үшін туралы',
  },
  el: {
    prefix: 'κ κα Δρ καθ π.χ δηλ βλ λ.χ αγ',
    numeric: 'σ σελ αρ κεφ',
    general: 'χλμ εκατ δισ π.Χ μ.Χ Ιαν Φεβ Μαρ Απρ Ιουν Ιουλ Αυγ Σεπτ Οκτ Νοε Δεκ',
    suffix: 'κλπ κτλ',
    starters:
      'Ο Η Το Οι Τα Αυτός Αυτή Αυτό Αυτοί Εμείς Εγώ Εσύ Εσείς Αλλά Και Ή Όταν Αν Μετά Πριν Τώρα ' +
      'Σήμερα Χθες Αύριο Εδώ Εκεί Επίσης Όλοι Ποιος Πού Γιατί Πώς Ήδη Ακόμα Στο Στη Στην Στον Σε Με ' +
      'Από Για Ένας Μια Ένα Δεν Όμως',
    joiners: 'και ή ο η το οι τα του της των στο στη στην στον σε με από για να θα που ότι',
  },
  fa: {
    // No letter case: prefixes are joined; after a general abbreviation
    // (ه.ش. solar year) only a word that cannot open a sentence keeps it joined.
    prefix: 'د',
    numeric: 'ص ج',
    general: 'ه.ش ه.ق ق.م م',
    joiners: 'را که و',
  },
  mr: {
    prefix: 'डॉ श्री श्रीमती सौ कु प्रा',
    numeric: 'पृ',
    general: 'इ.स इ.स.पू',
  },
  zh: {},
  ja: { quotatives: ['と', 'って', 'とか', 'など'] },
  ko: {},
};

const ORDINAL_LANGS = new Set([
  'de', 'da', 'nb', 'no', 'nn', 'fi', 'is', 'et', 'lv', 'lt', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu', 'tr', 'pl',
]);
const DE_QUOTE_LANGS = new Set(['de', 'da', 'cs', 'sk', 'sl', 'hr', 'is', 'et', 'lt', 'bg', 'lb']);

const cache = new Map<string, LangTable>();

/** The base language subtag, lower case: "en-US" → "en", "zh_Hans" → "zh". */
export function baseLang(lang: string): string {
  const m = /^[A-Za-z]{2,3}/.exec(lang ?? '');
  return m ? m[0].toLowerCase() : '';
}

export function langTable(lang: string): LangTable {
  const base = baseLang(lang);
  let t = cache.get(base);
  if (t) return t;
  const spec = SPECS[base] ?? {};
  t = {
    prefix: matcher(`${UNIVERSAL_PREFIX} ${spec.prefix ?? ''}`),
    numeric: matcher(spec.numeric ?? ''),
    general: matcher(`${UNIVERSAL_GENERAL} ${spec.general ?? ''}`),
    suffix: matcher(`${UNIVERSAL_SUFFIX} ${spec.suffix ?? ''}`),
    starters: words(spec.starters ?? ''),
    joiners: words(spec.joiners ?? ''),
    ordinals: spec.ordinals ?? ORDINAL_LANGS.has(base),
    deQuotes: spec.deQuotes ?? DE_QUOTE_LANGS.has(base),
    quotatives: spec.quotatives ?? [],
    speechVerbs: words(spec.speechVerbs ?? ''),
    any: new Set(),
    maxLen: 0,
  };
  for (const m of [t.prefix, t.numeric, t.general, t.suffix]) {
    for (const w of [...m.exact, ...m.lower]) {
      for (const part of w.toLowerCase().split('.')) {
        t.any.add(part);
        t.maxLen = Math.max(t.maxLen, part.length);
      }
    }
  }
  cache.set(base, t);
  return t;
}
