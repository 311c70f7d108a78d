import fs from 'node:fs';
import path from 'node:path';
import { prepareSeed } from '../../src/seed/load-seed';
import { readSeed } from '../../src/seed/read-seed';
import { validateSeed } from '../../src/seed/validate-seed';
import { SeedValidationError } from '../../src/seed/seed-problem';
import { FIXTURE_SEED_DIR, SeedCopy } from '../helpers/seed-fixture';

type Row = Record<string, unknown> & { evidence?: { doc: string; quote: string }[] };

function problemsOf(copy: SeedCopy): string {
  try {
    prepareSeed(copy.dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).message;
  } finally {
    copy.remove();
  }
  throw new Error('expected the seed to be rejected');
}

describe('seed validation', () => {
  it('accepts the fixture seed', () => {
    const { rows, seed } = prepareSeed(FIXTURE_SEED_DIR);
    expect(seed.documents).toHaveLength(1);
    expect(rows.nodes).toHaveLength(35);
  });

  it('accepts a competing claim and reports one about nothing, of a property that cannot differ, or no different', () => {
    const quote = { doc: 'doc:ichei-mlw-2019', quote: 'The 2019 Mobile Learning Week was held at UNESCO headquarters in Paris from 4 to 8 March 2019.' };
    const claim = (subject: string, property: string, value: string) => ({ subject, property, value, evidence: [quote] });
    const good = new SeedCopy().writeRaw('claims.json', JSON.stringify([claim('event:mlw-2019', 'endDate', '2019-03-09')]));
    const { rows } = prepareSeed(good.dir);
    good.remove();
    const week = rows.nodes.find((n) => n.id === 'event:mlw-2019')!;
    expect([week.props.claimProperties, week.props.claimValues, week.props.claimDocs]).toEqual([['endDate'], ['2019-03-09'], ['doc:ichei-mlw-2019']]);
    const bad = new SeedCopy().writeRaw(
      'claims.json',
      JSON.stringify([
        claim('event:nowhere', 'endDate', '2019-03-09'),
        claim('event:mlw-2019', 'name', 'MLW'),
        claim('event:mlw-2019', 'endDate', '2019-02-30'),
        claim('event:mlw-2019', 'startDate', '2019-03-04'),
      ]),
    );
    const problems = problemsOf(bad);
    expect(problems).toMatch(/claims\.json \[0\]\.subject: "event:nowhere" is not a known entity id/);
    expect(problems).toMatch(
      /claims\.json \[1\]\.property: an Event has no property "name" that a claim may state otherwise \(it may: startDate, endDate, kind\)/,
    );
    expect(problems).toMatch(/claims\.json \[2\]\.value: "2019-02-30" is impossible/);
    expect(problems).toMatch(/claims\.json \[3\]\.value: is the value event:mlw-2019 already has/);
  });

  it('reports a malformed file with its name and position', () => {
    const copy = new SeedCopy().writeRaw('relationships.json', '[{"type": "PARTNER_OF",, }]');
    expect(problemsOf(copy)).toMatch(/relationships\.json: is not valid JSON: .*\(line 1, column \d+\)/);
  });

  it('reports a missing field with its path', () => {
    const copy = new SeedCopy().edit<Row[]>('entities/people.json', (rows) => {
      delete rows[0]!.name;
    });
    expect(problemsOf(copy)).toMatch(/entities\/people\.json \[0\]\.name: is required/);
  });

  it('reports a dangling reference', () => {
    const copy = new SeedCopy().edit<Row[]>('relationships.json', (rows) => {
      rows[0]!.to = 'org:unesc';
    });
    expect(problemsOf(copy)).toMatch(/relationships\.json \[0\]\.to: "org:unesc" is not a known entity id/);
  });

  it('reports a quote that is not in its document', () => {
    const copy = new SeedCopy().edit<Row[]>('entities/organizations.json', (rows) => {
      rows[2]!.evidence![0]!.quote = 'HUAWEI signed a treaty with ICHEI';
    });
    expect(problemsOf(copy)).toMatch(
      /organizations\.json \[2\]\.evidence\[0\]\.quote: quote does not occur in doc:ichei-mlw-2019: "HUAWEI signed a treaty with ICHEI"/,
    );
  });

  it('rejects a quote taken from page furniture, and accepts one from a photo caption with its position', () => {
    const copy = new SeedCopy().edit<Row[]>('entities/people.json', (rows) => {
      rows.push({
        id: 'person:audrey-azoulay',
        type: 'Person',
        name: 'Audrey Azoulay',
        evidence: [
          { doc: 'doc:ichei-mlw-2019', quote: 'Audrey Azoulay, Director-General of UNESCO delivered a speech' },
          { doc: 'doc:ichei-mlw-2019', quote: 'Scan the QR code' },
        ],
      });
    });
    const { data, problems } = readSeed(copy.dir);
    copy.remove();
    const { seed: validated, problems: more } = validateSeed(data);
    expect([...problems, ...more].map((p) => `${p.path}: ${p.message}`)).toEqual([
      '[1].evidence[1].quote: quote comes only from page furniture (share button) of doc:ichei-mlw-2019, which is not knowledge',
    ]);
    const text = validated.corpus.get('doc:ichei-mlw-2019')!;
    const caption = text.locate('Audrey Azoulay, Director-General of UNESCO delivered a speech');
    expect(caption).toMatchObject({ position: 'caption' });
    const { start, end } = caption as { start: number; end: number };
    expect(text.text.slice(start, end)).toBe('Audrey Azoulay, Director-General of UNESCO delivered a speech');
  });

  it('locates a quote across a line break, and asks which occurrence a repeated quote means', () => {
    const text = prepareSeed(FIXTURE_SEED_DIR).seed.corpus.get('doc:ichei-mlw-2019')!;
    const wrapped = text.locate('Higher Education Innovation under the auspices');
    expect(wrapped).toMatchObject({ position: 'masthead' });
    const { start, end } = wrapped as { start: number; end: number };
    expect(text.text.slice(start, end)).toBe('Higher Education Innovation\nunder the auspices');
    expect(text.locate('Mobile Learning Week')).toEqual({
      problem: expect.stringMatching(/^quote occurs \d+ times in doc:ichei-mlw-2019 \(at character \d+ \(headline\), .*say which with "occurrence": 1 to \d+$/),
    });
    const second = text.locate('Mobile Learning Week', 2) as { start: number };
    expect(second.start).toBeGreaterThan((text.locate('Mobile Learning Week', 1) as { start: number }).start);
    expect(text.locate('Mobile Learning Week', 99)).toEqual({ problem: expect.stringMatching(/^"occurrence": 99, but the quote occurs \d+ time/) });
  });

  it('refuses a figure quote that does not state the figure', () => {
    const copy = new SeedCopy().edit<Row[]>('figures.json', (rows) => {
      (rows[0]!.evidence as unknown[]).push({ doc: 'doc:ichei-mlw-2019', quote: 'Mobile Learning Week is UNESCO’s flagship ICT in education conference' });
    });
    expect(problemsOf(copy)).toMatch(
      /figures\.json \[0\]\.evidence\[1\]\.quote: does not state the figure "800" \(from statedAs\); move a quote that only qualifies it to "context"/,
    );
  });

  it('reads relationships split over relationships/*.json as one list, and checks them across the files', () => {
    const whole = prepareSeed(FIXTURE_SEED_DIR).rows;
    const copy = new SeedCopy();
    try {
      const all = copy.read<Row[]>('relationships.json');
      fs.mkdirSync(path.join(copy.dir, 'relationships'));
      copy.writeRaw('relationships.json', JSON.stringify(all.slice(0, 2)));
      copy.writeRaw('relationships/b.json', JSON.stringify(all.slice(5)));
      copy.writeRaw('relationships/a.json', JSON.stringify(all.slice(2, 5)));
      const split = prepareSeed(copy.dir).rows;
      expect(split.relationships.map((r) => r.key)).toEqual(whole.relationships.map((r) => r.key));
      expect(split.nodes).toEqual(whole.nodes);
      // Without relationships.json the folder alone will do.
      fs.rmSync(path.join(copy.dir, 'relationships.json'));
      copy.writeRaw('relationships/0.json', JSON.stringify(all.slice(0, 2)));
      expect(prepareSeed(copy.dir).rows.relationships).toHaveLength(whole.relationships.length);
      // A relationship repeated in another file is a duplicate, named with both places.
      copy.writeRaw('relationships/c.json', JSON.stringify([all[0]]));
    } catch (error) {
      copy.remove();
      throw error;
    }
    expect(problemsOf(copy)).toMatch(/relationships\/c\.json \[0\]: duplicate relationship .* \(also at .*relationships\/0\.json \[0\]\)/);
  });

  it('reports a duplicate id with both places', () => {
    const copy = new SeedCopy().edit<Row[]>('entities/people.json', (rows) => {
      rows.push({ ...rows[0]!, name: 'Another Name', aliases: [] });
    });
    expect(problemsOf(copy)).toMatch(/people\.json \[1\]\.id: duplicate id "person:li-ming" \(first defined in .*people\.json \[0\]\)/);
  });

  it('reports an impossible date and an end before a start', () => {
    const copy = new SeedCopy().edit<Row[]>('entities/events.json', (rows) => {
      rows[1]!.startDate = '2019-02-30';
      rows[2]!.startDate = '2019-04';
      rows[2]!.endDate = '2019-03';
    });
    const message = problemsOf(copy);
    expect(message).toMatch(/events\.json \[1\]\.startDate: "2019-02-30" is impossible: 2019-02 has 28 days/);
    expect(message).toMatch(/events\.json \[2\]\.endDate: "2019-03" is before "2019-04"/);
  });

  it('reports every problem at once, across files', () => {
    const copy = new SeedCopy()
      .edit<Row[]>('relationships.json', (rows) => {
        rows[0]!.to = 'org:nobody';
        rows[1]!.type = 'LIKES';
      })
      .edit<Row[]>('figures.json', (rows) => {
        rows[0]!.subject = 'org:nobody';
      });
    const message = problemsOf(copy);
    expect(message).toMatch(/3 problems/);
    expect(message).toMatch(/relationships\.json \[1\]\.type: Invalid option/);
  });

  it('rejects a relationship between kinds the model does not allow', () => {
    const copy = new SeedCopy().edit<Row[]>('relationships.json', (rows) => {
      rows.push({
        type: 'HOLDS_POST',
        from: 'org:huawei',
        to: 'org:ichei',
        properties: { title: 'Partner' },
        evidence: rows[0]!.evidence,
      });
    });
    expect(problemsOf(copy)).toMatch(/HOLDS_POST cannot start at a Organization \("org:huawei"\); allowed: Person/);
  });

  it('refuses a string longer than its field allows, naming the limit', () => {
    const copy = new SeedCopy().edit<Row[]>('entities/people.json', (rows) => {
      rows[0]!.description = 'x'.repeat(10_001);
    });
    expect(problemsOf(copy)).toMatch(/people\.json \[0\]\.description: is 10001 characters long; at most 10000 are allowed here/);
  });

  it('stores a document saved with CRLF line endings exactly as one saved with LF, and matches quotes in both', () => {
    const lf = prepareSeed(FIXTURE_SEED_DIR);
    const copy = new SeedCopy();
    try {
      const file = path.join(copy.dir, 'corpus', lf.seed.documents[0]!.file);
      fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
      const crlf = prepareSeed(copy.dir);
      const text = (rows: typeof lf.rows) => rows.nodes.find((n) => n.label === 'Document')!.props.text as string;
      expect(text(crlf.rows)).not.toMatch(/\r|\uFEFF/);
      expect(text(crlf.rows)).toBe(text(lf.rows));
    } finally {
      copy.remove();
    }
  });

  it('reports a root problem once, and counts the follow-on problems it would cause', () => {
    const copy = new SeedCopy().edit<Row[]>('documents.json', (rows) => {
      rows[0]!.published = '2019-02-30';
    });
    const message = problemsOf(copy);
    expect(message).toMatch(/documents\.json \[0\]\.published: "2019-02-30" is impossible/);
    expect(message).toMatch(/\(follow-on\): \d+ further problems not listed: references to "doc:ichei-mlw-2019", which failed its own checks above/);
    expect(message).toMatch(/Seed data is invalid; nothing was written\. 2 problems:/);
  });
});
