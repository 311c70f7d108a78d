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

/**
 * Writes a synthetic seed folder (same format as seed/) with about `relationships` relationships: heavy-tailed
 * (a few actors attend many events and hold many partnerships), every fact quoted from a generated document.
 */
export function generateSeed(options: { relationships: number; seed: number; dir: string }): GeneratedSeed {
  const random = prng(options.seed);
  const target = options.relationships;
  const nOrgs = Math.max(60, Math.round(target / 12));
  const nPeople = Math.max(30, Math.round(target / 40));
  const nCountries = 60;
  const nSeries = Math.max(4, Math.round(target / 2500));
  const years = 12;
  const nInitiatives = Math.max(5, Math.round(target / 800));
  const nDocs = Math.max(20, Math.round(target / 40));

  // Each document is a list of sentences; every fact cites the sentence written for it.
  const docs: string[][] = Array.from({ length: nDocs }, (_, i) => [`Synthetic report ${i + 1} on education-policy actors.`]);
  let sentenceCount = 0;
  const cite = (sentence: string) => {
    const doc = sentenceCount++ % nDocs;
    docs[doc]!.push(sentence);
    return [{ doc: `doc:synthetic-${doc + 1}`, quote: sentence }];
  };

  const entities: Record<string, unknown[]> = { organizations: [], people: [], places: [], events: [], initiatives: [] };
  const orgName = (i: number) => `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} Organization ${i + 1}`;
  for (let i = 0; i < nOrgs; i++) {
    const name = orgName(i);
    entities.organizations!.push({
      id: `org:o${i + 1}`,
      type: 'Organization',
      kind: KINDS[i % KINDS.length],
      name,
      aliases: [`ORG${i + 1}`],
      evidence: cite(`${name} (ORG${i + 1}) works on education policy.`),
    });
  }
  for (let i = 0; i < nPeople; i++) {
    const name = `Person ${i + 1} ${WORDS[i % WORDS.length]}`;
    entities.people!.push({ id: `person:p${i + 1}`, type: 'Person', name, aliases: [], evidence: cite(`${name} is named in this report.`) });
  }
  for (let i = 0; i < nCountries; i++) {
    entities.places!.push({
      id: `country:c${i + 1}`,
      type: 'Country',
      name: `Country ${i + 1}`,
      aliases: [],
      evidence: cite(`Country ${i + 1} takes part in education cooperation.`),
    });
  }
  const editions: { id: string; year: number; subs: string[] }[] = [];
  for (let s = 0; s < nSeries; s++) {
    const seriesName = `${WORDS[s % WORDS.length]} Week ${s + 1}`;
    entities.events!.push({
      id: `series:s${s + 1}`,
      type: 'EventSeries',
      name: seriesName,
      aliases: [],
      frequency: 'annual',
      evidence: cite(`${seriesName} is held every year.`),
    });
    for (let y = 0; y < years; y++) {
      const year = 2010 + y;
      const id = `event:s${s + 1}-${year}`;
      const name = `${year} ${seriesName}`;
      const month = String(1 + ((s + y) % 12)).padStart(2, '0');
      entities.events!.push({
        id,
        type: 'Event',
        kind: 'edition',
        name,
        aliases: [],
        startDate: `${year}-${month}-04`,
        endDate: `${year}-${month}-08`,
        evidence: cite(`The ${name} was held from 4 to 8 of month ${month}.`),
      });
      const subs: string[] = [];
      for (const [kind, label] of SUB_EVENTS) {
        const subId = `${id}-${kind.replace('_', '-')}`;
        entities.events!.push({
          id: subId,
          type: 'Event',
          kind,
          name: `${name} ${label}`,
          aliases: [],
          startDate: `${year}-${month}`,
          endDate: `${year}-${month}`,
          evidence: cite(`The ${name} included a ${label}.`),
        });
        subs.push(subId);
      }
      editions.push({ id, year, subs });
    }
  }
  for (let i = 0; i < nInitiatives; i++) {
    const name = `${WORDS[(i + 5) % WORDS.length]} Cooperation Initiative ${i + 1}`;
    entities.initiatives!.push({
      id: `initiative:i${i + 1}`,
      type: 'Initiative',
      status: 'released',
      name,
      aliases: [],
      evidence: cite(`The ${name} was released.`),
    });
  }

  const relationships: unknown[] = [];
  const keys = new Set<string>();
  const add = (type: string, from: string, to: string, sentence: string, extra: Record<string, unknown> = {}) => {
    const key = `${type}|${from}|${to}`;
    if (keys.has(key) || from === to) return false;
    keys.add(key);
    relationships.push({ type, from, to, ...extra, evidence: cite(sentence) });
    return true;
  };
  const org = (i: number) => `org:o${i + 1}`;

  // Structure first: editions, sub-events, places, posts.
  for (const edition of editions) {
    const series = edition.id.replace(/^event:(s\d+)-\d+$/, 'series:$1');
    add('EDITION_OF', edition.id, series, `The ${edition.id} edition belongs to ${series}.`, { properties: { year: String(edition.year) } });
    add(
      'HELD_IN',
      edition.id,
      `country:c${1 + (edition.year % nCountries)}`,
      `The ${edition.id} edition took place in Country ${1 + (edition.year % nCountries)}.`,
    );
    for (const sub of edition.subs) add('PART_OF', sub, edition.id, `${sub} was part of ${edition.id}.`);
    add('ORGANIZED', org(heavyTailed(random, nOrgs, 2)), edition.id, `${edition.id} was organized by a leading organization.`);
  }
  for (let i = 0; i < nPeople; i++) {
    add('HOLDS_POST', `person:p${i + 1}`, org(heavyTailed(random, nOrgs)), `Person ${i + 1} holds the post of Director.`, {
      properties: { title: 'Director' },
    });
  }

  // Then heavy-tailed activity until the target is reached.
  const allEvents = editions.flatMap((e) => [e.id, ...e.subs]);
  let attempts = 0;
  while (relationships.length < target && attempts < target * 20) {
    attempts++;
    const draw = random();
    const a = heavyTailed(random, nOrgs);
    if (draw < 0.5) {
      const event = allEvents[heavyTailed(random, allEvents.length, 1.5)]!;
      const year = event.slice(event.indexOf('-') + 1, event.indexOf('-') + 5);
      const role = ROLES[Math.floor(random() * ROLES.length)]!;
      add('PARTICIPATED_IN', org(a), event, `${orgName(a)} took part in ${event} as ${role} (fact ${relationships.length}).`, {
        properties: { role },
        validFrom: year,
        validTo: year,
      });
    } else if (draw < 0.7) {
      const b = heavyTailed(random, nOrgs, 2);
      add('PARTNER_OF', org(a), org(b), `${orgName(a)} is a strategic partner of ${orgName(b)} (fact ${relationships.length}).`, {
        properties: { kind: 'strategic partner' },
      });
    } else if (draw < 0.8) {
      const event = allEvents[heavyTailed(random, allEvents.length, 1.5)]!;
      add('SPOKE_AT', org(a), event, `${orgName(a)} gave a speech at ${event} (fact ${relationships.length}).`, { properties: { format: 'speech' } });
    } else if (draw < 0.87) {
      const person = `person:p${1 + heavyTailed(random, nPeople)}`;
      const event = allEvents[heavyTailed(random, allEvents.length, 1.5)]!;
      add('PARTICIPATED_IN', person, event, `${person} attended ${event} (fact ${relationships.length}).`, { properties: { role: 'participant' } });
    } else if (draw < 0.92) {
      add(
        'INITIATED',
        org(a),
        `initiative:i${1 + heavyTailed(random, nInitiatives)}`,
        `${orgName(a)} co-initiated an initiative (fact ${relationships.length}).`,
        { properties: { jointly: 'yes' } },
      );
    } else if (draw < 0.97) {
      add(
        'SIGNED',
        `country:c${1 + Math.floor(random() * nCountries)}`,
        `initiative:i${1 + heavyTailed(random, nInitiatives)}`,
        `A country signed a memorandum of cooperation (fact ${relationships.length}).`,
        { properties: { instrument: 'memorandum of cooperation' } },
      );
    } else {
      add(
        'LOCATED_IN',
        org(a),
        `country:c${1 + Math.floor(random() * nCountries)}`,
        `${orgName(a)} is based in a member country (fact ${relationships.length}).`,
      );
    }
  }

  fs.rmSync(options.dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(options.dir, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(options.dir, 'entities'), { recursive: true });
  const documents = docs.map((sentences, i) => {
    const file = `synthetic-${i + 1}.txt`;
    fs.writeFileSync(path.join(options.dir, 'corpus', file), sentences.join('\n'));
    return {
      id: `doc:synthetic-${i + 1}`,
      file,
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
    };
  });
  const write = (file: string, value: unknown) => fs.writeFileSync(path.join(options.dir, file), JSON.stringify(value));
  write('documents.json', documents);
  write('layout.json', []);
  // A seed file may hold at most 50 MB (SEED_LIMITS.fileBytes): past 100,000 relationships the rest go to relationships/.
  write('relationships.json', relationships.slice(0, RELATIONSHIPS_PER_FILE));
  for (let start = RELATIONSHIPS_PER_FILE, part = 2; start < relationships.length; start += RELATIONSHIPS_PER_FILE, part++) {
    fs.mkdirSync(path.join(options.dir, 'relationships'), { recursive: true });
    write(`relationships/part-${String(part).padStart(3, '0')}.json`, relationships.slice(start, start + RELATIONSHIPS_PER_FILE));
  }
  write('figures.json', []);
  for (const [name, list] of Object.entries(entities)) write(`entities/${name}.json`, list);

  const entityCount = Object.values(entities).reduce((n, list) => n + list.length, 0) + documents.length;
  return {
    dir: options.dir,
    entities: entityCount,
    relationships: relationships.length,
    documents: documents.length,
    probes: { hub: org(0), other: org(Math.floor(nOrgs / 3)), searchText: searchTextFor(nOrgs) },
  };
}
