import type { HanlpTerm } from '../nlp/hanlp';

/** A name found in a Chinese text, typed to the model's kinds, at its offsets (end exclusive). */
export interface ChineseName {
  name: string;
  type: 'Organization' | 'Person' | 'Place' | 'Event' | 'EventSeries' | 'Programme' | 'Initiative';
  kind?: string;
  start: number;
  end: number;
  /** Why it is a name of that type, in words a reviewer reads. */
  reason: string;
}

// The endings that type a name, longest first where one ends another (会议中心 before 中心).
const SUFFIXES: [RegExp, ChineseName['type'], string | undefined][] = [
  [/(会议中心|会展中心|展览中心|体育馆|大厦|宾馆|酒店|广场)$/u, 'Place', 'venue'],
  [/(大会|会议|论坛|峰会|研修班|培训班|博览会|研讨会)$/u, 'Event', 'conference'],
  [/(计划|平台|项目|工程|行动)$/u, 'Programme', 'programme'],
  [/(倡议)$/u, 'Initiative', undefined],
  [/(大学|学院|学校|研究院|研究所|科学院)$/u, 'Organization', 'university'],
  [/(部|局|厅|署|委员会|国务院|政府|代表处|使馆|办公室)$/u, 'Organization', 'government_body'],
  [/(公司|集团)$/u, 'Organization', 'company'],
  [/(基金会)$/u, 'Organization', 'foundation'],
  [/(联盟|协会|学会)$/u, 'Organization', 'network'],
  [/(组织|银行|中心|社|会)$/u, 'Organization', 'other'],
];
// Words HanLP tags as organizations that name no one organization, and ends that are a part of one ("总部").
const GENERIC = /^(国际组织|企业|政府|学校|大学|中心|总部)$|总部$/u;
// A determiner or a number word before a noun ("该中心", "一届大会", "多所大学") makes it no name.
const NOT_A_NAME = /^(本次|本届|该|此|这|那|每|各|下一|上一|下届|上届|一届)|多所|多个|\d+日|\d+人/u;
// The commonest Chinese surnames, for a name after a title that HanLP cut into characters ("教授/nnt 张/q 伟/ag").
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤怀',
]);
const ORGANIZATION_TAG = /^nt/;
// HanLP's organization tags from its dictionary, sure enough to need no ending: a company, a university or school,
// a government body ("腾讯" ntc, "清华大学" ntu, "世界银行" ntcb).
const SUBTYPES: Record<string, string> = {
  ntc: 'company',
  ntcf: 'company',
  ntcb: 'company',
  ntch: 'company',
  ntu: 'university',
  nts: 'university',
  nth: 'university',
  nto: 'government_body',
};
const NOUN_BEFORE = /^(n|vn|nz)$/;
// An event or programme written as common nouns ("世界/n 慕课/n 大会/n"): the nouns, a place or a year before its last word.
const CHAIN_BEFORE = /^(n|vn|nz|ns|nx|gi)$/;
const CHAIN_HEAD = /(大会|论坛|峰会|研讨会|博览会|计划|倡议)$/u;

/** The type a name's ending gives it, or null when it ends as no name of the model does. */
function typedBySuffix(name: string): { type: ChineseName['type']; kind?: string; ending: string } | null {
  for (const [pattern, type, kind] of SUFFIXES) {
    const m = pattern.exec(name);
    if (m) return { type, ...(kind ? { kind } : {}), ending: m[0] };
  }
  return null;
}

/**
 * An organization-like name HanLP tagged (nt...) or a name ending in an institution's suffix (nis), with the nouns
 * before it that are part of it ("国家" + "智慧教育公共服务平台"), and the place that opens it ("中国" + "教育" + "科学研究院",
 * "深圳市" + "教育局"), but not a place before a venue ("北京" + "国家会议中心").
 */
function headedName(terms: readonly HanlpTerm[], i: number): { from: number; to: number } | null {
  const head = terms[i]!;
  if (!ORGANIZATION_TAG.test(head.tag) && head.tag !== 'nis') return null;
  let from = i;
  while (from > 0 && i - from < 3 && NOUN_BEFORE.test(terms[from - 1]!.tag) && terms[from - 1]!.end === terms[from]!.start) from--;
  const place = terms[from - 1];
  const placeFits = place !== undefined && /^ns/.test(place.tag) && place.end === terms[from]!.start && (ORGANIZATION_TAG.test(head.tag) || from === i);
  if (placeFits) from--;
  // An institution's suffix alone ("中心", "研修班") stands for a name written before: it is no name.
  if (head.tag === 'nis' && from === i) return null;
  return { from, to: i };
}

/**
 * An event or programme HanLP did not tag as a name, written as nouns ending in an event's or programme's word, with at
 * least two words before it ("2024" + "世界" + "数字" + "教育" + "大会"): the run, or null.
 */
function chainedName(terms: readonly HanlpTerm[], i: number): { from: number; to: number } | null {
  const head = terms[i]!;
  if (!/^(n|nz|vn)$/.test(head.tag) || !CHAIN_HEAD.test(head.word)) return null;
  let from = i;
  const joined = (k: number) => terms[k - 1]!.end === terms[k]!.start;
  // "与" joins two nouns inside an event's name ("世界慕课与在线教育大会"), never a name to another.
  const noun = (k: number) => k >= 0 && CHAIN_BEFORE.test(terms[k]!.tag);
  const step = (k: number) => (noun(k - 1) ? 1 : terms[k - 1]!.word === '与' && noun(k - 2) && joined(k - 1) ? 2 : 0);
  while (from > 0 && i - from < 8 && step(from) > 0 && joined(from)) from -= step(from);
  // A year before it, written "2024" or "2024年", is part of an edition's name.
  if (from > 1 && terms[from - 1]!.word === '年' && /^\d{4}$/.test(terms[from - 2]!.word) && joined(from) && joined(from - 1)) from -= 2;
  else if (from > 0 && terms[from - 1]!.tag === 'm' && /^\d{4}$/.test(terms[from - 1]!.word) && joined(from)) from--;
  return i - from >= 2 ? { from, to: i } : null;
}

/** A name in quotation marks ending as an event or programme does ("“高等教育数字化转型国际研修班”"), typed by its ending. */
function quotedNames(text: string): ChineseName[] {
  return [...text.matchAll(/“([^“”\n]{3,40})”/gu)].flatMap((m) => {
    const typed = typedBySuffix(m[1]!);
    if (!typed || (typed.type !== 'Event' && typed.type !== 'Programme')) return [];
    const start = m.index + 1;
    return [
      {
        name: m[1]!,
        type: typed.type,
        ...(typed.kind ? { kind: typed.kind } : {}),
        start,
        end: start + m[1]!.length,
        reason: `a quoted name ending in "${typed.ending}"`,
      },
    ];
  });
}

/** A reporter's name in a byline ("（记者 张明）", an ideographic space before the name), which HanLP does not tag as a person. */
function bylineNames(text: string): ChineseName[] {
  return [...text.matchAll(/（记者[\s\u3000]*(\p{Script=Han}{2,3})）/gu)].map((m) => {
    const start = m.index + m[0].indexOf(m[1]!);
    return { name: m[1]!, type: 'Person' as const, start, end: start + m[1]!.length, reason: 'the reporter of a byline ("记者")' };
  });
}

/** A person's name after a title that HanLP cut into single characters: two or three, the first a surname, then punctuation. */
function nameAfterTitle(terms: readonly HanlpTerm[], i: number): ChineseName | null {
  if (terms[i - 1]?.tag !== 'nnt' || !SURNAMES.has(terms[i]!.word)) return null;
  let to = i;
  while (
    to + 1 < terms.length &&
    to - i < 2 &&
    [...terms[to + 1]!.word].length === 1 &&
    /^\p{Script=Han}$/u.test(terms[to + 1]!.word) &&
    terms[to + 1]!.tag !== 'w'
  )
    to++;
  const after = terms[to + 1];
  if (to === i || (after !== undefined && after.tag !== 'w')) return null;
  const start = terms[i]!.start;
  const end = terms[to]!.end;
  return {
    name: terms
      .slice(i, to + 1)
      .map((t) => t.word)
      .join(''),
    type: 'Person',
    start,
    end,
    reason: `a surname and given name after the title "${terms[i - 1]!.word}"`,
  };
}

/** One term's name, if it is one: a person (nr, nrf), a place (ns), or an organization, event or programme by its ending. */
function termName(text: string, terms: readonly HanlpTerm[], i: number): { name: ChineseName; last: number } | null {
  const term = terms[i]!;
  const titled = nameAfterTitle(terms, i);
  if (titled) return { name: titled, last: i };
  // A "person" glued to a place before it ("日本文部科学省": 日本/ns 文部/nr) is a piece of another name.
  const gluedToPlace = i > 0 && /^ns/.test(terms[i - 1]!.tag) && terms[i - 1]!.end === term.start;
  if (/^nr/.test(term.tag) && [...term.word].length >= 2 && !gluedToPlace) {
    return { name: { name: term.word, type: 'Person', start: term.start, end: term.end, reason: `HanLP tags it a person (${term.tag})` }, last: i };
  }
  const span = headedName(terms, i) ?? chainedName(terms, i);
  if (span) {
    const start = terms[span.from]!.start;
    const name = text.slice(start, term.end);
    const sure = span.from === i ? SUBTYPES[term.tag] : undefined;
    const typed = sure ? { type: 'Organization' as const, kind: sure, ending: `(${term.tag})` } : typedBySuffix(name);
    if (!typed || GENERIC.test(name) || NOT_A_NAME.test(name)) return null;
    const reason = sure
      ? `HanLP's dictionary names it an organization (${term.tag})`
      : `HanLP tags "${term.word}" ${term.tag}, and the name ends in "${typed.ending}"`;
    return { name: { name, type: typed.type, ...(typed.kind ? { kind: typed.kind } : {}), start, end: term.end, reason }, last: i };
  }
  if (/^ns/.test(term.tag) && [...term.word].length >= 2) {
    return { name: { name: term.word, type: 'Place', kind: 'city', start: term.start, end: term.end, reason: `HanLP tags it a place (${term.tag})` }, last: i };
  }
  return null;
}

/**
 * The names of a Chinese text from HanLP's words, in text order: people, places, organizations, events and
 * programmes, each typed by HanLP's tag and its ending; a name in quotation marks or a byline is taken whole. A name
 * that begins with a year ("2024世界数字教育大会") is an edition; the same name without it, written elsewhere, the series.
 */
export function chineseNames(text: string, terms: readonly HanlpTerm[]): ChineseName[] {
  const quoted = [...quotedNames(text), ...bylineNames(text)];
  const names: ChineseName[] = [...quoted];
  for (let i = 0; i < terms.length; i++) {
    const found = termName(text, terms, i);
    if (!found || quoted.some((q) => found.name.start < q.end && q.start < found.name.end)) continue;
    // A name that takes in words before it replaces the names found in them ("中国" in "中国教育科学研究院").
    for (let k = names.length - 1; k >= quoted.length; k--) if (names[k]!.start >= found.name.start) names.splice(k, 1);
    names.push(found.name);
  }
  const editions = new Set(names.filter((n) => /^\d{4}/.test(n.name) && n.type === 'Event').map((n) => n.name.replace(/^\d{4}年?/, '')));
  return names
    .map((n) =>
      n.type === 'Event' && editions.has(n.name)
        ? { ...n, type: 'EventSeries' as const, kind: undefined, reason: `${n.reason}; its editions begin with a year` }
        : n,
    )
    .map(({ kind, ...n }) => ({ ...n, ...(kind ? { kind } : {}) }))
    .sort((a, b) => a.start - b.start);
}
