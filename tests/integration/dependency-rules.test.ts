import { readDependencies } from '../../src/ingest/extractors/dependency-relations';
import type { IngestDocument } from '../../src/ingest/extractors/extractor';
import type { NamedSpan } from '../../src/ingest/extractors/named-spans';
import type { ParsedDocument } from '../../src/ingest/nlp/parse';
import { loadRules, type DependencyRule } from '../../src/ingest/rules/load-rules';
import { CORENLP_START_MS, testParser } from '../helpers/corenlp';

// Each rule file carries its own examples: sentences it must read, with the pairs it must find and nothing more. They
// run here through a real CoreNLP, each rule alone, so that a rule is tested as the data it is. All examples are parsed
// as one document, a paragraph each (one request instead of one per example); each is read within its own paragraph.
const rules = loadRules();
const examples = rules.flatMap((rule) => rule.examples.map((example) => ({ rule, example })));
const text = examples.map(({ example }) => example.text).join('\n\n');
const starts: number[] = [];
examples.reduce((at, { example }) => (starts.push(at), at + example.text.length + 2), 0);
let document: IngestDocument & { parse: ParsedDocument };

beforeAll(async () => {
  const parser = await testParser();
  document = { id: 'doc:examples', text, language: 'en', layout: [], furniture: [], sentences: [], parse: await parser.parse(text) };
}, CORENLP_START_MS);

/** Every occurrence of each example name in its paragraph, as a named span of its kind, the longer name first. */
function spansOf(start: number, example: { text: string; entities: Record<string, string> }): NamedSpan[] {
  const spans: NamedSpan[] = [];
  for (const [name, type] of Object.entries(example.entities).sort((a, b) => b[0].length - a[0].length)) {
    for (let at = example.text.indexOf(name); at >= 0; at = example.text.indexOf(name, at + 1)) {
      if (!spans.some((s) => start + at < s.end && s.start < start + at + name.length))
        spans.push({ id: name, type, start: start + at, end: start + at + name.length });
    }
  }
  return spans;
}

/** The part of the parsed examples that is one paragraph: its sentences, and coreference within them only. */
function paragraph(start: number, end: number): IngestDocument & { parse: ParsedDocument } {
  const kept = new Map<number, number>();
  document.parse.sentences.forEach((s, i) => {
    if (s.start >= start && s.end <= end) kept.set(i, kept.size);
  });
  const corefs = document.parse.corefs
    .map((chain) => chain.flatMap((m) => (kept.has(m.sentence) ? [{ ...m, sentence: kept.get(m.sentence)! }] : [])))
    .filter((chain) => chain.length > 1);
  return { ...document, parse: { ...document.parse, sentences: document.parse.sentences.filter((_, i) => kept.has(i)), corefs } };
}

function pairsFound(rule: DependencyRule, index: number): string[] {
  const { example } = examples[index]!;
  const names = new Map(Object.keys(example.entities).map((n) => [n, n]));
  const start = starts[index]!;
  return readDependencies(paragraph(start, start + example.text.length), spansOf(start, example), names, [rule])
    .map((c) => `${c.relationship.from} -> ${c.relationship.to}`)
    .sort();
}

describe.each(rules.map((rule) => [rule.name, rule] as const))('rule %s', (_name, rule) => {
  const own = examples.flatMap((e, index) => (e.rule === rule ? [[e.example.text, index] as const] : []));
  it.each(own)('reads %s', (_text, index) => {
    const expected = examples[index]!.example.expect.map(([from, to]) => `${from} -> ${to}`).sort();
    expect(pairsFound(rule, index)).toEqual(expected);
  });
});

it('parses every example as a paragraph of its own', () => {
  for (const [index, start] of starts.entries()) {
    const end = start + examples[index]!.example.text.length;
    expect(document.parse.sentences.some((s) => s.start === start)).toBe(true);
    expect(document.parse.sentences.every((s) => s.end <= start || s.start >= end || (s.start >= start && s.end <= end))).toBe(true);
  }
});
