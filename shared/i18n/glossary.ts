/**
 * The Traditional Chinese glossary: one term per concept, in Hong Kong's legal usage (the
 * Chinese text of Cap. 513, the Correctional Services Department's usage). docs/glossary.md is
 * generated from this list and shared/i18n/glossary.test.ts holds every zh-Hant message to it:
 * no message uses an avoided variant, and a message whose English names a concept uses its term.
 */

export interface GlossaryTerm {
  /** The English term as the English catalogue writes it. */
  readonly en: string;
  /** The one Traditional Chinese term. */
  readonly zh: string;
  /** Variants that mean the same (or are taken to) and are never written. */
  readonly avoid: readonly string[];
  /**
   * Longer, correct words that contain an avoided variant: an occurrence of the variant inside
   * one of these at the same place is no finding (法定代表人 holds 法定代表).
   */
  readonly allowedIn?: readonly string[];
  /** When a message's English matches, its Chinese writes the term (or one of `zhForms`). */
  readonly enMatches?: RegExp;
  readonly zhForms?: readonly string[];
  /** Keys whose English matches `enMatches` but speak of something else, each with the reason. */
  readonly exceptKeys?: Readonly<Record<string, string>>;
  /** How the term is used, one line. */
  readonly note: string;
  readonly source?: string;
}

const CAP_513 = 'Cap. 513《移交被判刑人士條例》';

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    en: 'sentenced person',
    zh: '被判刑人士',
    avoid: ['被判刑人', '受刑人'],
    allowedIn: ['被判刑人士'],
    enMatches: /\bsentenced persons?\b/i,
    note: 'The person the transfer concerns. 被判刑人 (Macau, Mainland) and 受刑人 (Taiwan) are other places’ words; the ETS 112 title follows: 《移交被判刑人士公約》.',
    source: `${CAP_513} s. 2 ("sentenced person" (被判刑人士))`,
  },
  {
    en: 'sentencing State',
    zh: '判刑地',
    avoid: ['判刑國', '移交國', '判處刑罰的國家'],
    enMatches: /\bsentencing (State|place|jurisdiction)\b|\bState of sentence\b|\btransferring State\b/i,
    note: 'Where the sentence was imposed (the transferring State). 地 covers States and places alike (Hong Kong, Macau are places, never a 國).',
    source: `${CAP_513} long title: transfer between Hong Kong and "places outside Hong Kong" (香港以外地方)`,
  },
  {
    en: 'administering State (executing State)',
    zh: '執行地',
    avoid: ['執行國', '接收國'],
    enMatches: /\b(administering|executing) State\b/i,
    note: 'Where the sentence is (to be) served after transfer; the EU\'s "executing State" (2008/909) is the same concept and the same word.',
    source: `${CAP_513} long title`,
  },
  {
    en: 'State or place',
    zh: '國家或地方',
    avoid: ['國家或地區'],
    note: 'Where a message speaks of any party to an instrument. 地方 is Cap. 513’s word for Hong Kong and for the places outside it.',
    source: `${CAP_513} s. 2 ("arrangements for the transfer of sentenced persons")`,
  },
  {
    en: 'prison number',
    zh: '囚犯編號',
    avoid: ['監獄編號'],
    enMatches: /\bprison (no\.|number)/i,
    note: 'The person’s number in the prison that holds them, not a number of the prison. The CSD’s public services write 在囚人士編號; the screens keep the shorter form.',
    source: 'Prison Rules (Cap. 234A) "prisoner" (囚犯); CSD mobile app: 在囚人士編號',
  },
  {
    en: 'prison (the institution where the person is held)',
    zh: '監獄',
    avoid: ['監房', '牢獄'],
    enMatches: /\bprisons?\b(?!\s*(numbers?|no\.))/i,
    exceptKeys: { 'ui.signin.intro': '"people in prison" is being in prison (在囚人士, the CSD’s word), not an institution' },
    note: 'The institution, named as written (赤柱監獄); on the case 所在監獄. The CSD’s institutions are 懲教院所 as a class; 院所 is the word for any of them.',
    source: 'Prison Rules (Cap. 234A) "prison" (監獄)',
  },
  {
    en: 'sentencing court',
    zh: '判刑法院',
    avoid: ['判決法院', '判刑法庭'],
    enMatches: /\bsentencing court\b|\bcourt that imposed the sentence\b/i,
    note: 'The court that imposed the sentence, its own name written as it is (區域法院, 高等法院原訟法庭). 法院 is the court as an institution, the generic word here.',
    source: 'Hong Kong Judiciary: 區域法院 (District Court), 高等法院 (High Court)',
  },
  {
    en: 'custody',
    zh: '羈押',
    avoid: [],
    enMatches: /(?<!pre-sentence |pre-trial )\bcustody\b/i,
    zhForms: ['羈押', '還押', '在囚'],
    exceptKeys: { 'validation.custody.status': 'quotes the stored codes ("in-custody"), not the concept' },
    note: 'Being lawfully held, for any reason (in custody: 羈押中; serving a sentence in prison: 在囚, the CSD’s word). Not remand: time held before sentence is 還押; 羈留 is immigration detention.',
    source: 'Bilingual ordinances, e.g. Fugitive Offenders Ordinance (Cap. 503): "kept in custody" (被羈押); CSD: 羈管 for its own custodial work',
  },
  {
    en: 'remand (pre-sentence custody)',
    zh: '還押',
    avoid: ['判刑前羈押', '羈押扣減', '羈押期扣減', '羈押日數', '判刑前拘留', '還柙'],
    enMatches: /\bremand|\bpre-(sentence|trial) custody|\bbefore sentence\b/i,
    note: 'Custody ordered by a court before trial or sentence; remand credit is 還押扣減. 羈押 is the wider word (any custody), never the credit.',
    source: 'CSD annual review: 還押人士, 還押在囚人口',
  },
  {
    en: 'legal representative (ETS 112 Art. 3(1)(d))',
    zh: '法定代表人',
    avoid: ['法律代表', '法定代表'],
    allowedIn: ['法定代表人'],
    enMatches: /\brepresentative\b/i,
    note: 'The person the law empowers to consent for a sentenced person whose age or condition requires it (a guardian), not a lawyer: 法律代表 means counsel and is not used.',
    source: 'ETS 112 Art. 3(1)(d)',
  },
  {
    en: 'financial obligations',
    zh: '財務義務',
    avoid: ['財務責任'],
    enMatches: /\bfinancial obligations?\b/i,
    note: 'Fines, costs, compensation a judgment imposes: an obligation (義務), as HK legislation renders "obligation"; 責任 is responsibility or liability.',
  },
  {
    en: 'secondary source',
    zh: '二手資料',
    avoid: ['次要來源'],
    enMatches: /\bsecondary\b/i,
    note: 'Confidence "S": a value taken from a report about an instrument, not its text. 次要 reads as "minor".',
  },
  {
    en: 'case',
    zh: '個案',
    avoid: ['案件'],
    note: 'The app’s record of one person’s transfer (counted with 宗). 案件 is a court’s or police case; the criminal proceedings are 法律程序.',
    source: 'Security Bureau’s replies to LegCo (e.g. 10 May 2017): 個案 for one person’s matter',
  },
  {
    en: 'dossier',
    zh: '案卷',
    avoid: ['移交檔案', '檔案語言', '準備檔案'],
    enMatches: /\bdossiers?\b/i,
    note: 'The bundle of documents for a transfer request. 檔案 is a computer file only.',
  },
  {
    en: 'file (computer)',
    zh: '檔案',
    avoid: [],
    note: 'A file on disk: the store file, a backup, an export, an attachment.',
  },
  {
    en: 'transfer',
    zh: '移交',
    avoid: ['移管', '轉移囚犯'],
    enMatches: /\btransfer(s|red)?\b/i,
    exceptKeys: { 'validation.deadline.anchor': 'lists the stored event codes ("transferred"), not the concept' },
    note: 'The whole process; inward and outward transfers are 移交入境 and 移交出境, as the warrants are named.',
    source: `${CAP_513} s. 2 ("inward warrant" (移交入境手令), "outward warrant" (移交出境手令))`,
  },
  {
    en: 'handover',
    zh: '移交',
    avoid: ['交收'],
    enMatches: /\bhandover\b/i,
    note: 'The physical delivery of the person on a date (移交日期); 實際移交 where it must be told from the process.',
  },
  {
    en: 'consent',
    zh: '同意',
    avoid: [],
    enMatches: /\bconsent/i,
    note: 'Of the sentenced person (or the legal representative) and of each State or place.',
    source: 'ETS 112 Art. 3(1)(d), (f)',
  },
  {
    en: 'dual criminality',
    zh: '雙重犯罪',
    avoid: ['雙重可罰性', '雙重刑事罪行'],
    enMatches: /\bdual criminality\b/i,
    note: 'The conduct is an offence in both places.',
  },
  {
    en: 'remission',
    zh: '減刑',
    avoid: [],
    enMatches: /\bremission\b/i,
    note: 'Time off for industry and good conduct (HK: up to one third). Never a commutation.',
    source: 'Prison Rules (Cap. 234A) r. 69',
  },
  {
    en: 'commutation',
    zh: '減輕刑罰',
    avoid: ['已獲減刑', '已減刑', '未減刑', '未獲減刑', '判刑地減刑'],
    enMatches: /\bcommut/i,
    zhForms: ['減輕'],
    note: 'A sentence replaced by a lighter one by the executive (a death sentence commuted); 減刑 is remission.',
    source: 'Basic Law Art. 48(12): 赦免或減輕刑事罪犯的刑罰',
  },
  {
    en: 'conditional release',
    zh: '有條件釋放',
    avoid: ['附條件釋放'],
    enMatches: /\bconditional release\b/i,
    note: 'Release before the end of the sentence under conditions (parole, licence, supervision).',
    source: 'Long-term Prison Sentences Review Ordinance (Cap. 524) s. 4 ("conditional release order" (有條件釋放令))',
  },
  {
    en: 'continued enforcement',
    zh: '繼續執行',
    avoid: ['持續執行'],
    enMatches: /\bcontinued enforcement\b|\bcontinuation\b/i,
    note: 'The administering State or place enforces the sentence as imposed (adapting it where it must).',
    source: 'ETS 112 Arts. 9(1)(a), 10',
  },
  {
    en: 'conversion',
    zh: '轉換刑罰',
    avoid: ['轉化刑罰'],
    enMatches: /\bconver(sion|t|ts|ted|ting)\b/i,
    zhForms: ['轉換'],
    note: 'The administering State or place substitutes its own sanction.',
    source: 'ETS 112 Arts. 9(1)(b), 11',
  },
  {
    en: 'central authority',
    zh: '中央機關',
    avoid: ['中央當局'],
    enMatches: /\bcentral authorit/i,
    note: 'The body an instrument names to send and receive requests; a competent authority (主管當局) is whoever decides.',
    source: '2008/909/JHA Art. 2(2)',
  },
  {
    en: 'eligibility',
    zh: '資格',
    avoid: ['合資格性'],
    enMatches: /\beligib/i,
    zhForms: ['資格'],
    note: 'Eligible: 符合資格; ineligible: 不符合資格.',
  },
  {
    en: 'rule-set',
    zh: '規則集',
    avoid: ['規則組', '規則套'],
    enMatches: /\brule-sets?\b/i,
    note: 'The versioned parameters of one instrument the engine applies.',
  },
  {
    en: 'treaty map',
    zh: '條約地圖',
    avoid: ['條約圖'],
    enMatches: /\btreaty map\b/i,
    note: 'Which instrument binds which States and places, from when.',
  },
  {
    en: 'instrument',
    zh: '文書',
    avoid: ['法律文件'],
    enMatches: /\binstruments?\b/i,
    note: 'A convention, agreement or arrangement; HK legislation’s word for an international instrument.',
  },
  {
    en: 'declaration',
    zh: '聲明',
    avoid: ['宣告'],
    enMatches: /\bdeclar(ation|ations|es|ed)\b/i,
    note: 'What a State or place declares under an instrument (e.g. who counts as its national).',
  },
  {
    en: 'reservation',
    zh: '保留',
    avoid: [],
    enMatches: /\breservations?\b/i,
    note: 'A State’s exclusion or modification of a provision when it joins an instrument.',
  },
  {
    en: 'pattern (an instrument a rule-set follows where its own text was not read)',
    zh: '範本',
    avoid: ['模式', '樣本'],
    note: 'In the legal sources, "text not read; pattern: ETS 112 …" reads 未閱其文本；範本：《移交被判刑人士公約》…; a 範本協定 is an instrument known only as a model.',
  },
  {
    en: 'Framework Decision (EU)',
    zh: '框架決定',
    avoid: ['框架性決定'],
    note: 'Numbered as the catalogue writes it: 第 2008/909 號框架決定 (FD 2008/909/JHA). How the legal sources are translated: docs/treaties.md, "Legal sources in Traditional Chinese".',
    source: '2008/909/JHA Art. 1',
  },
];

/** An avoided variant found in a text. */
export interface GlossaryFinding {
  readonly variant: string;
  readonly term: GlossaryTerm;
  readonly index: number;
}

/** Every avoided variant in `text`, except where it sits inside one of its term's longer correct words. */
export function avoidedVariants(text: string): GlossaryFinding[] {
  const findings: GlossaryFinding[] = [];
  for (const term of GLOSSARY) {
    for (const variant of term.avoid) {
      for (let index = text.indexOf(variant); index !== -1; index = text.indexOf(variant, index + 1)) {
        const excused = (term.allowedIn ?? []).some((word) => {
          const offset = word.indexOf(variant);
          return offset !== -1 && text.startsWith(word, index - offset);
        });
        if (!excused) findings.push({ variant, term, index });
      }
    }
  }
  return findings;
}

/** Half-width punctuation beside Chinese text (ICU's `{n, plural, ...}` syntax and numbers such as 9(2) aside). */
export function halfWidthPunctuation(text: string): string[] {
  const prose = text.replace(/\{\s*\w+\s*,\s*(plural|selectordinal|select)\s*,/g, '{');
  const cjk = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
  const found = prose.match(new RegExp(`${cjk}\\s*[:;,!?]|[:;,!?]\\s*${cjk}|\\(\\s*${cjk}|${cjk}\\s*\\)`, 'g'));
  return found ?? [];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** docs/glossary.md, generated from GLOSSARY. */
export function glossaryMarkdown(): string {
  const lines = [
    '# Traditional Chinese glossary',
    '',
    '<!-- Generated from shared/i18n/glossary.ts: edit that file, then',
    '     TSP_WRITE_GLOSSARY_DOC=1 npx vitest run shared/i18n/glossary.test.ts -->',
    '',
    'One term per concept, English to Traditional Chinese, in Hong Kong\'s legal usage: the Chinese',
    'text of the Transfer of Sentenced Persons Ordinance (Cap. 513, 《移交被判刑人士條例》) and the',
    'Correctional Services Department\'s usage. Every zh-Hant message follows it:',
    '`shared/i18n/glossary.test.ts` fails when a message writes an avoided variant, when a message',
    'whose English names a concept does not write its term, or when Chinese text has half-width',
    'punctuation (`:` `;` `,` `!` `?`, or half-width brackets around Chinese).',
    '',
    'Hong Kong is a place (地方), never a 國: a message that may speak of a State or of a place says',
    '判刑地 / 執行地 or 國家或地方. Stored free text (names, reasons, notes) is shown as written.',
    '',
    '| English | 繁體中文 | Avoid | Usage | Source |',
    '|---|---|---|---|---|',
  ];
  for (const term of GLOSSARY) {
    const avoid = term.avoid.length === 0 ? '—' : term.avoid.join('、');
    const allowed = term.allowedIn?.length ? `（${term.allowedIn.join('、')} is correct）` : '';
    lines.push(`| ${cell(term.en)} | ${term.zh} | ${avoid}${allowed} | ${cell(term.note)} | ${cell(term.source ?? '—')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
