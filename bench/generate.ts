import fs from 'node:fs';
import path from 'node:path';

/** About 27 MB of generated relationships: well within a seed file's limit. */
const RELATIONSHIPS_PER_FILE = 100_000;

/** A small, fast, seedable PRNG (mulberry32), so that a seed always gives the same data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, n) drawn from a heavy-tailed distribution: a few low indices get most draws. */
function heavyTailed(random: () => number, n: number, skew = 3): number {
  return Math.min(n - 1, Math.floor(n * random() ** skew));
}

export interface GeneratedSeed {
  dir: string;
  entities: number;
  relationships: number;
  documents: number;
  /** Ids the benchmark queries start from: the busiest actor, a quieter one, and a name to search for. */
  /** `partners`, when set, is the actor partners' attendance asks about instead of the hub (see bench/run.ts). */
  probes: { hub: string; other: string; searchText: string; partners?: string };
}

/**
 * An organization's name as a researcher might mistype it: its first word, "Organizaton" and its number. Organization
 * 2 at the smaller scales; from 10,000 organizations on, one with a number of four digits or more, since the search
 * reads "2" as a prefix too, which at 1M matches more than the 1,000 names the API's search accepts (it asks for a
 * narrower query then, as it should).
 */
export function searchTextFor(nOrgs: number): string {
  const number = nOrgs >= 10_000 ? Math.floor(nOrgs * 0.28) : 2;
  return `${WORDS[(number - 1) % WORDS.length]} Organizaton ${number}`;
}

const KINDS = ['intergovernmental', 'company', 'university', 'foundation', 'research_centre', 'government_body', 'network'] as const;
const WORDS = ['Learning', 'Education', 'Digital', 'Futures', 'Knowledge', 'Skills', 'Open', 'Global', 'Innovation', 'Teaching', 'Policy', 'Access'];
const ROLES = ['participant', 'invited participant', 'representative', 'exhibitor', 'attendee'] as const;
const SUB_EVENTS = [
  ['policy_forum', 'policy forum'],
  ['symposium', 'symposium'],
  ['strategic_lab', 'strategic lab'],
] as const;

/** How many of each kind of entity a scale of `target` seed relationships gets. */
interface Sizes {
  target: number;
  nOrgs: number;
  nPeople: number;
  nCountries: number;
  nSeries: number;
  years: number;
  nInitiatives: number;
  nDocs: number;
}

function sizesFor(target: number): Sizes {
  return {
    target,
    nOrgs: Math.max(60, Math.round(target / 12)),
    nPeople: Math.max(30, Math.round(target / 40)),
    nCountries: 60,
    nSeries: Math.max(4, Math.round(target / 2500)),
    years: 12,
    nInitiatives: Math.max(5, Math.round(target / 800)),
    nDocs: Math.max(20, Math.round(target / 40)),
  };
}

/** The generated documents, each a list of sentences: every fact cites the sentence written for it, in turn across them. */
class Corpus {
  readonly docs: string[][];
  private sentences = 0;

  constructor(nDocs: number) {
    this.docs = Array.from({ length: nDocs }, (_, i) => [`Synthetic report ${i + 1} on education-policy actors.`]);
  }

  cite(sentence: string): { doc: string; quote: string }[] {
    const doc = this.sentences++ % this.docs.length;
    this.docs[doc]!.push(sentence);
    return [{ doc: `doc:synthetic-${doc + 1}`, quote: sentence }];
  }
}

type Entities = Record<'organizations' | 'people' | 'places' | 'events' | 'initiatives', unknown[]>;

/** An event edition with its sub-events, which the structural relationships tie together. */
interface Edition {
  id: string;
  year: number;
  subs: string[];
}

const orgName = (i: number) => `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} Organization ${i + 1}`;
const org = (i: number) => `org:o${i + 1}`;

function organizations({ nOrgs }: Sizes, corpus: Corpus): unknown[] {
  return Array.from({ length: nOrgs }, (_, i) => {
    const name = orgName(i);
    return {
      id: org(i),
      type: 'Organization',
      kind: KINDS[i % KINDS.length],
      name,
      aliases: [`ORG${i + 1}`],
      evidence: corpus.cite(`${name} (ORG${i + 1}) works on education policy.`),
    };
  });
}

function people({ nPeople }: Sizes, corpus: Corpus): unknown[] {
  return Array.from({ length: nPeople }, (_, i) => {
    const name = `Person ${i + 1} ${WORDS[i % WORDS.length]}`;
    return { id: `person:p${i + 1}`, type: 'Person', name, aliases: [], evidence: corpus.cite(`${name} is named in this report.`) };
  });
}

function places({ nCountries }: Sizes, corpus: Corpus): unknown[] {
  return Array.from({ length: nCountries }, (_, i) => ({
    id: `country:c${i + 1}`,
    type: 'Country',
    name: `Country ${i + 1}`,
    aliases: [],
    evidence: corpus.cite(`Country ${i + 1} takes part in education cooperation.`),
  }));
}

/** One edition of a series and its sub-events, appended to `events`. */
function edition(events: unknown[], series: number, seriesName: string, yearIndex: number, corpus: Corpus): Edition {
  const year = 2010 + yearIndex;
  const id = `event:s${series + 1}-${year}`;
  const name = `${year} ${seriesName}`;
  const month = String(1 + ((series + yearIndex) % 12)).padStart(2, '0');
  events.push({
    id,
    type: 'Event',
    kind: 'edition',
    name,
    aliases: [],
    startDate: `${year}-${month}-04`,
    endDate: `${year}-${month}-08`,
    evidence: corpus.cite(`The ${name} was held from 4 to 8 of month ${month}.`),
  });
  const subs = SUB_EVENTS.map(([kind, label]) => {
    const subId = `${id}-${kind.replace('_', '-')}`;
    events.push({
      id: subId,
      type: 'Event',
      kind,
      name: `${name} ${label}`,
      aliases: [],
      startDate: `${year}-${month}`,
      endDate: `${year}-${month}`,
      evidence: corpus.cite(`The ${name} included a ${label}.`),
    });
    return subId;
  });
  return { id, year, subs };
}

/** The annual series, each with an edition a year and three sub-events per edition. */
function eventSeries({ nSeries, years }: Sizes, corpus: Corpus): { events: unknown[]; editions: Edition[] } {
  const events: unknown[] = [];
  const editions: Edition[] = [];
  for (let s = 0; s < nSeries; s++) {
    const seriesName = `${WORDS[s % WORDS.length]} Week ${s + 1}`;
    events.push({
      id: `series:s${s + 1}`,
      type: 'EventSeries',
      name: seriesName,
      aliases: [],
      frequency: 'annual',
      evidence: corpus.cite(`${seriesName} is held every year.`),
    });
    for (let y = 0; y < years; y++) editions.push(edition(events, s, seriesName, y, corpus));
  }
  return { events, editions };
}

function initiatives({ nInitiatives }: Sizes, corpus: Corpus): unknown[] {
  return Array.from({ length: nInitiatives }, (_, i) => {
    const name = `${WORDS[(i + 5) % WORDS.length]} Cooperation Initiative ${i + 1}`;
    return { id: `initiative:i${i + 1}`, type: 'Initiative', status: 'released', name, aliases: [], evidence: corpus.cite(`The ${name} was released.`) };
  });
}

/** Every entity, each cited in turn (the order fixes which document quotes which sentence). */
function generateEntities(sizes: Sizes, corpus: Corpus): { entities: Entities; editions: Edition[] } {
  const organizationList = organizations(sizes, corpus);
  const peopleList = people(sizes, corpus);
  const placeList = places(sizes, corpus);
  const { events, editions } = eventSeries(sizes, corpus);
  const initiativeList = initiatives(sizes, corpus);
  return { entities: { organizations: organizationList, people: peopleList, places: placeList, events, initiatives: initiativeList }, editions };
}

/** The relationships generated so far: at most one of a type between two entities, none from an entity to itself. */
class Relationships {
  readonly list: unknown[] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly corpus: Corpus) {}

  add(type: string, from: string, to: string, sentence: string, extra: Record<string, unknown> = {}): void {
    const key = `${type}|${from}|${to}`;
    if (this.keys.has(key) || from === to) return;
    this.keys.add(key);
    this.list.push({ type, from, to, ...extra, evidence: this.corpus.cite(sentence) });
  }
}

/** Editions, sub-events, places and posts: the graph's structure, before any activity. */
function addStructure(relationships: Relationships, editions: Edition[], { nOrgs, nCountries, nPeople }: Sizes, random: () => number): void {
  const add = relationships.add.bind(relationships);
  for (const edition of editions) {
    const series = edition.id.replace(/^event:(s\d+)-\d+$/, 'series:$1');
    const country = 1 + (edition.year % nCountries);
    add('EDITION_OF', edition.id, series, `The ${edition.id} edition belongs to ${series}.`, { properties: { year: String(edition.year) } });
    add('HELD_IN', edition.id, `country:c${country}`, `The ${edition.id} edition took place in Country ${country}.`);
    for (const sub of edition.subs) add('PART_OF', sub, edition.id, `${sub} was part of ${edition.id}.`);
    add('ORGANIZED', org(heavyTailed(random, nOrgs, 2)), edition.id, `${edition.id} was organized by a leading organization.`);
  }
  for (let i = 0; i < nPeople; i++) {
    add('HOLDS_POST', `person:p${i + 1}`, org(heavyTailed(random, nOrgs)), `Person ${i + 1} holds the post of Director.`, {
      properties: { title: 'Director' },
    });
  }
}

/** Heavy-tailed activity (attendance, partnerships, speeches, initiatives, signatures, seats) until the target is reached. */
function addActivity(relationships: Relationships, editions: Edition[], sizes: Sizes, random: () => number): void {
  const { target, nOrgs, nPeople, nCountries, nInitiatives } = sizes;
  const add = relationships.add.bind(relationships);
  const allEvents = editions.flatMap((e) => [e.id, ...e.subs]);
  const anEvent = () => allEvents[heavyTailed(random, allEvents.length, 1.5)]!;
  let attempts = 0;
  while (relationships.list.length < target && attempts < target * 20) {
    attempts++;
    const fact = () => `(fact ${relationships.list.length})`;
    const draw = random();
    const a = heavyTailed(random, nOrgs);
    if (draw < 0.5) {
      const event = anEvent();
      const year = event.slice(event.indexOf('-') + 1, event.indexOf('-') + 5);
      const role = ROLES[Math.floor(random() * ROLES.length)]!;
      add('PARTICIPATED_IN', org(a), event, `${orgName(a)} took part in ${event} as ${role} ${fact()}.`, {
        properties: { role },
        validFrom: year,
        validTo: year,
      });
    } else if (draw < 0.7) {
      const b = heavyTailed(random, nOrgs, 2);
      add('PARTNER_OF', org(a), org(b), `${orgName(a)} is a strategic partner of ${orgName(b)} ${fact()}.`, { properties: { kind: 'strategic partner' } });
    } else if (draw < 0.8) {
      const event = anEvent();
      add('SPOKE_AT', org(a), event, `${orgName(a)} gave a speech at ${event} ${fact()}.`, { properties: { format: 'speech' } });
    } else if (draw < 0.87) {
      const person = `person:p${1 + heavyTailed(random, nPeople)}`;
      const event = anEvent();
      add('PARTICIPATED_IN', person, event, `${person} attended ${event} ${fact()}.`, { properties: { role: 'participant' } });
    } else if (draw < 0.92) {
      const initiative = `initiative:i${1 + heavyTailed(random, nInitiatives)}`;
      add('INITIATED', org(a), initiative, `${orgName(a)} co-initiated an initiative ${fact()}.`, { properties: { jointly: 'yes' } });
    } else if (draw < 0.97) {
      const country = `country:c${1 + Math.floor(random() * nCountries)}`;
      const initiative = `initiative:i${1 + heavyTailed(random, nInitiatives)}`;
      add('SIGNED', country, initiative, `A country signed a memorandum of cooperation ${fact()}.`, {
        properties: { instrument: 'memorandum of cooperation' },
      });
    } else {
      const country = `country:c${1 + Math.floor(random() * nCountries)}`;
      add('LOCATED_IN', org(a), country, `${orgName(a)} is based in a member country ${fact()}.`);
    }
  }
}

/** The seed's documents: one per generated corpus file, each quoting its own first sentence. */
function documentsOf(corpus: Corpus): { id: string; file: string }[] {
  return corpus.docs.map((sentences, i) => ({
    id: `doc:synthetic-${i + 1}`,
    file: `synthetic-${i + 1}.txt`,
    name: `Synthetic report ${i + 1}`,
    title: `Synthetic report ${i + 1} on education-policy actors`,
    kind: 'synthetic report',
    publisher: 'bench/generate.ts',
    published: `${2010 + (i % 12)}`,
    language: 'en',
    retrieved: '2026-01-01',
    attribution: 'Generated by bench/generate.ts for benchmarking; not real data.',
    terms: 'Synthetic text made for benchmarking, not covered by the data licence.',
    evidence: [{ doc: `doc:synthetic-${i + 1}`, quote: sentences[0]! }],
  }));
}

/** Replaces `dir` with a seed folder holding the corpus, the documents, the entities and the relationships. */
function writeSeedFolder(dir: string, corpus: Corpus, documents: { file: string }[], entities: Entities, relationships: unknown[]): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'entities'), { recursive: true });
  documents.forEach(({ file }, i) => fs.writeFileSync(path.join(dir, 'corpus', file), corpus.docs[i]!.join('\n')));
  const write = (file: string, value: unknown) => fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
  write('documents.json', documents);
  write('layout.json', []);
  // A seed file may hold at most 50 MB (SEED_LIMITS.fileBytes): past 100,000 relationships the rest go to relationships/.
  write('relationships.json', relationships.slice(0, RELATIONSHIPS_PER_FILE));
  for (let start = RELATIONSHIPS_PER_FILE, part = 2; start < relationships.length; start += RELATIONSHIPS_PER_FILE, part++) {
    fs.mkdirSync(path.join(dir, 'relationships'), { recursive: true });
    write(`relationships/part-${String(part).padStart(3, '0')}.json`, relationships.slice(start, start + RELATIONSHIPS_PER_FILE));
  }
  write('figures.json', []);
  for (const [name, list] of Object.entries(entities)) write(`entities/${name}.json`, list);
}

/**
 * Writes a synthetic seed folder (same format as seed/) with about `relationships` relationships: heavy-tailed
 * (a few actors attend many events and hold many partnerships), every fact quoted from a generated document.
 */
export function generateSeed(options: { relationships: number; seed: number; dir: string }): GeneratedSeed {
  const random = prng(options.seed);
  const sizes = sizesFor(options.relationships);
  const corpus = new Corpus(sizes.nDocs);
  const { entities, editions } = generateEntities(sizes, corpus);
  const relationships = new Relationships(corpus);
  addStructure(relationships, editions, sizes, random);
  addActivity(relationships, editions, sizes, random);
  const documents = documentsOf(corpus);
  writeSeedFolder(options.dir, corpus, documents, entities, relationships.list);
  const entityCount = Object.values(entities).reduce((n, list) => n + list.length, 0) + documents.length;
  return {
    dir: options.dir,
    entities: entityCount,
    relationships: relationships.list.length,
    documents: documents.length,
    probes: { hub: org(0), other: org(Math.floor(sizes.nOrgs / 3)), searchText: searchTextFor(sizes.nOrgs) },
  };
}
