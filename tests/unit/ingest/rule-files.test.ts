import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RELATIONSHIP_TYPES } from '../../../src/model/relationship-types';
import { loadRules, RULES_DIR } from '../../../src/ingest/rules/load-rules';

// The rules are data: each file is checked against the schema and the model when it is read, and a bad one stops
// ingest with its file and field. The rules' examples run through CoreNLP in tests/integration/dependency-rules.test.ts.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = JSON.parse(fs.readFileSync(path.join(RULES_DIR, 'holds-post-appositive.json'), 'utf8')) as Record<string, unknown>;

/** Loads a folder holding one rule: the good one with `change` applied. */
function loadOne(change: (rule: Record<string, unknown>) => unknown, raw?: string): () => unknown {
  const folder = fs.mkdtempSync(path.join(dir, 'one-'));
  const rule = structuredClone(good);
  change(rule);
  fs.writeFileSync(path.join(folder, 'the-rule.json'), raw ?? JSON.stringify(rule));
  return () => loadRules(folder);
}

describe('relationship rule files', () => {
  it('are all valid, each of a type the model proposes from text, with at least two examples', () => {
    const rules = loadRules();
    expect(rules.length).toBeGreaterThanOrEqual(16);
    for (const rule of rules) {
      expect(Object.keys(RELATIONSHIP_TYPES)).toContain(rule.type);
      expect(rule.examples.length).toBeGreaterThanOrEqual(2);
      // A rule that only ever finds something is not tested: each has an example where it must find nothing.
      expect(rule.examples.some((e) => e.expect.length === 0)).toBe(true);
    }
  });

  it('refuses a type the model does not have, naming the file and the field', () => {
    expect(loadOne((r) => (r.type = 'KNOWS'))).toThrow(/the-rule\.json: type: "KNOWS" is not a relationship type of the model/);
  });

  it('refuses a derived type, which the loader writes', () => {
    expect(loadOne((r) => ((r.type = 'MENTIONS'), (r.properties = {})))).toThrow(/MENTIONS is written by the loader/);
  });

  it('refuses a property the type lacks, a value outside its list, and a missing required one', () => {
    expect(loadOne((r) => (r.properties = { title: '$title', colour: 'red' }))).toThrow(/properties\.colour: HOLDS_POST has no property "colour"/);
    expect(loadOne((r) => ((r.type = 'SPOKE_AT'), (r.properties = { format: 'song' })))).toThrow(
      /properties\.format: "song" is not one of speech, presentation, panel/,
    );
    expect(loadOne((r) => (r.properties = {}))).toThrow(/properties\.title: HOLDS_POST requires it/);
  });

  it('refuses a path step that is not a dependency label, and a file that is not JSON', () => {
    expect(loadOne((r) => (r.from = [['nsubj', 'not a label']]))).toThrow(/the-rule\.json: from\.0\.1: must be dependency labels/);
    expect(loadOne(() => undefined, '{ "type": ')).toThrow(/the-rule\.json: not valid JSON/);
  });
});
