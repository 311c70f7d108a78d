import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationship-types';
import { normalizeWhitespace } from '../../seed/corpus';
import type { ParsedDocument, ParsedSentence, ParsedToken } from '../nlp/parse';
import { loadRules, type DependencyRule } from '../rules/load-rules';
import { inFurniture, located, type Extractor, type IngestDocument, type RelationshipCandidate } from './extractor';
import { namedSpans, type NamedSpan } from './named-spans';

// Words that stand for the body they come from when a sentence says what it did: "delegations from Kenya took part".
const STANDS_FOR_OTHERS = new Set(['delegation', 'representative', 'team', 'delegate', 'official', 'minister', 'government', 'member', 'staff', 'expert']);

/** An end of a relationship as a rule reached it: the entity, and how, when it was not named in the sentence. */
interface End {
  span: NamedSpan;
  /** Why this entity is meant though the sentence does not name it ("she" read as Magdalena Brier), if so. */
  inferred?: string;
}

/** A sentence's dependency graph, walkable both ways, with the named entities its tokens belong to. */
class SentenceGraph {
  private readonly down = new Map<number, { dep: string; to: number }[]>();
  private readonly up = new Map<number, { dep: string; to: number }[]>();

  constructor(
    readonly sentence: ParsedSentence,
    private readonly endOf: (token: ParsedToken) => End | undefined,
  ) {
    for (const e of sentence.edges) {
      push(this.down, e.governor, { dep: e.dep, to: e.dependent });
      push(this.up, e.dependent, { dep: e.dep, to: e.governor });
    }
  }

  token(index: number): ParsedToken | undefined {
    return this.sentence.tokens[index - 1];
  }

  /** The tokens reached from `from` along a path of steps ("nsubj", "<appos", "obl:*"), conjuncts included at the end. */
  follow(from: number, path: readonly string[]): number[] {
    let at = [from];
    for (const step of path) {
      const upward = step.startsWith('<');
      const label = step.replace(/^[<>]/, '');
      at = at.flatMap((i) => ((upward ? this.up : this.down).get(i) ?? []).filter((e) => labelMatches(label, e.dep)).map((e) => e.to));
    }
    const withConjuncts = new Set(at);
    for (const i of at) for (const e of this.down.get(i) ?? []) if (e.dep.startsWith('conj')) withConjuncts.add(e.to);
    return [...withConjuncts];
  }

  /** The entity a token belongs to: a name around it, else one its coreference chain names. */
  endAt(index: number): End | undefined {
    const token = this.token(index);
    return token ? this.endOf(token) : undefined;
  }

  /**
   * The entities a token stands for: its own, else, for a word that stands for others ("delegations from Kenya and
   * India", "a representative of the World Bank"), theirs.
   */
  endsThrough(index: number): End[] {
    const own = this.endAt(index);
    if (own) return [own];
    if (!STANDS_FOR_OTHERS.has(this.token(index)?.lemma.toLowerCase() ?? '')) return [];
    return this.follow(index, ['nmod:from|nmod:of|nmod:poss']).flatMap((i) => {
      const end = this.endAt(i);
      return end ? [end] : [];
    });
  }

  /** Dependents of a token by label. */
  dependents(index: number, labels: readonly string[]): number[] {
    return (this.down.get(index) ?? []).filter((e) => labels.some((l) => labelMatches(l, e.dep))).map((e) => e.to);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function labelMatches(pattern: string, dep: string): boolean {
  return pattern.split('|').some((one) => (one.endsWith('*') ? dep.startsWith(one.slice(0, -1)) : dep === one));
}

/** Whether a token is a rule's trigger: one of its lemmas (and part of speech), a tag it names, or a name of its kinds. */
function triggers(rule: DependencyRule, token: ParsedToken, graph: SentenceGraph, sentenceIndex: number): boolean {
  const { trigger } = rule;
  if (trigger.withinFirstSentences !== undefined && sentenceIndex >= trigger.withinFirstSentences) return false;
  if (trigger.pos && !token.pos.startsWith(trigger.pos)) return false;
  if (trigger.verbless && graph.sentence.tokens.some((t) => t.pos.startsWith('VB'))) return false;
  const lemma = token.lemma.toLowerCase();
  if (trigger.lemmas?.includes(lemma) || trigger.ner?.includes(token.ner)) return true;
  if (!trigger.kinds) return false;
  const end = graph.endAt(token.index);
  // The name's last word stands for it, so that a name of several words triggers once.
  return Boolean(end && !end.inferred && trigger.kinds.includes(end.span.type) && token.end === Math.min(end.span.end, graph.sentence.end));
}

/** The event the document is about: the first event it names (its title, as a rule), else the first series. */
function documentEvent(spans: readonly NamedSpan[]): NamedSpan | undefined {
  const byPosition = [...spans].sort((a, b) => a.start - b.start);
  return byPosition.find((s) => s.type === 'Event') ?? byPosition.find((s) => s.type === 'EventSeries');
}

/** The ends an argument of a rule reaches from a trigger: along each path, else the document's event. */
function endsOf(graph: SentenceGraph, trigger: number, argument: DependencyRule['from'], event: NamedSpan | undefined): End[] {
  const ends: End[] = [];
  for (const alternative of argument) {
    if (alternative === '@document-event') {
      if (ends.length === 0 && event) ends.push({ span: event, inferred: 'the sentence names no event; read as the one the document is about' });
      continue;
    }
    const reached = alternative === '@trigger' ? [trigger] : graph.follow(trigger, alternative);
    for (const index of reached) {
      for (const end of graph.endsThrough(index)) if (!ends.some((e) => e.span.id === end.span.id)) ends.push(end);
    }
  }
  return ends;
}

/** The words of a post: the trigger with its modifiers ("Assistant Director-General for Education"), names left out. */
function titleAt(graph: SentenceGraph, trigger: number, text: string): string {
  const words = new Set([trigger]);
  const grow = (i: number, labels: string[]) => {
    for (const d of graph.dependents(i, labels)) {
      if (graph.endAt(d) || words.has(d)) continue;
      words.add(d);
      grow(d, ['compound', 'amod', 'nmod:*', 'case', 'det', 'flat']);
    }
  };
  grow(trigger, ['compound', 'amod', 'nmod:for', 'nmod:in']);
  const tokens = [...words].map((i) => graph.token(i)!).filter((t) => t.pos !== 'DT' && t.pos !== 'POS');
  const start = Math.min(...tokens.map((t) => t.start));
  const end = Math.max(...tokens.map((t) => t.end));
  return normalizeWhitespace(text.slice(start, end)).replace(/^(?:the|a|an)\s+/i, '');
}

/** A rule's properties for one match: fixed values, a value by the trigger's lemma, the post's words. */
function propertiesOf(rule: DependencyRule, graph: SentenceGraph, trigger: number, text: string): Record<string, string> | null {
  const properties: Record<string, string> = {};
  const lemma = graph.token(trigger)!.lemma.toLowerCase();
  for (const [key, value] of Object.entries(rule.properties)) {
    if (value === '$title') properties[key] = titleAt(graph, trigger, text);
    else if (typeof value === 'string') properties[key] = value;
    else {
      const chosen = value.byLemma[lemma] ?? value.otherwise;
      if (chosen === undefined) return null;
      properties[key] = chosen;
    }
  }
  return properties;
}

function allows(type: RelationshipType, from: string, to: string): boolean {
  const definition = RELATIONSHIP_TYPES[type];
  return (definition.from as readonly string[]).includes(from) && (definition.to as readonly string[]).includes(to);
}

/** Maps a token to its entity: a name whose words hold it, else the name its coreference chain gives. */
function entityResolver(parse: ParsedDocument, spans: readonly NamedSpan[], names: ReadonlyMap<string, string>, sentenceIndex: number) {
  const inside = (token: ParsedToken) => spans.find((s) => s.start <= token.start && token.end <= s.end);
  return (token: ParsedToken): End | undefined => {
    const named = inside(token);
    if (named) return { span: named };
    for (const chain of parse.corefs) {
      const mention = chain.find((m) => m.sentence === sentenceIndex && m.start <= token.start && token.end <= m.end);
      if (!mention || mention.head !== parse.sentences[sentenceIndex]!.tokens.indexOf(token) + 1) continue;
      const antecedent = chain.find((m) => m !== mention && spans.some((s) => s.start >= m.start && s.end <= m.end));
      const span = antecedent && spans.find((s) => s.start >= antecedent.start && s.end <= antecedent.end);
      if (span) return { span, inferred: `"${token.word}" refers to ${names.get(span.id) ?? span.id} (coreference)` };
    }
    return undefined;
  };
}

/** The relationships the rules read in a parsed document between the entities named in it. */
export function readDependencies(
  document: IngestDocument & { parse: ParsedDocument },
  spans: readonly NamedSpan[],
  names: ReadonlyMap<string, string>,
  rules: readonly DependencyRule[],
): RelationshipCandidate[] {
  const found = new Map<string, RelationshipCandidate>();
  const event = documentEvent(spans);
  document.parse.sentences.forEach((sentence, index) => {
    if (inFurniture(document, sentence.start)) return;
    const graph = new SentenceGraph(sentence, entityResolver(document.parse, spans, names, index));
    for (const rule of rules) {
      const triggered = sentence.tokens.filter((t) => triggers(rule, t, graph, index));
      // Of a phrase of trigger words ("Assistant Director - General"), its head is the trigger.
      const heads = triggered.filter(
        (t) => !sentence.edges.some((e) => e.dependent === t.index && e.dep === 'compound' && triggered.some((o) => o.index === e.governor)),
      );
      for (const token of heads) {
        if (rule.requires?.some((path) => graph.follow(token.index, path).length === 0)) continue;
        const properties = propertiesOf(rule, graph, token.index, document.text);
        if (!properties) continue;
        for (const from of endsOf(graph, token.index, rule.from, event)) {
          for (const to of endsOf(graph, token.index, rule.to, event)) {
            if (from.span.id === to.span.id || !allows(rule.type, from.span.type, to.span.type)) continue;
            if (rule.symmetric && from.span.start > to.span.start) continue;
            const key = `${rule.type}|${from.span.id}|${to.span.id}`;
            if (found.has(key)) continue;
            const inferred = [from.inferred, to.inferred].filter(Boolean).join('; ');
            const quote = normalizeWhitespace(document.text.slice(sentence.start, sentence.end));
            found.set(key, {
              kind: 'relationship',
              relationship: {
                type: rule.type,
                from: from.span.id,
                to: to.span.id,
                properties,
                evidence: [{ doc: document.id, quote }],
                ...(inferred ? { inferred: `Inferred: ${inferred}.` } : {}),
              },
              ...located(document, sentence.start, sentence.end, inferred ? rule.confidence - 0.15 : rule.confidence, `rule ${rule.name}: ${rule.description}`),
            });
          }
        }
      }
    }
  });
  return [...found.values()];
}

/**
 * Reads relationships from a document's dependency parse with the rules of src/ingest/rules (read when first needed,
 * so that a document read without a parser never touches them); nothing without a parse.
 */
export function dependencyExtractor(rules?: readonly DependencyRule[]): Extractor {
  let loaded = rules;
  return {
    name: 'dependency-rules',
    kinds: ['relationship'],
    extract: (document, { known, found }) => {
      if (!document.parse) return [];
      loaded ??= loadRules();
      const { spans, names } = namedSpans(document, known, found);
      return readDependencies(document as IngestDocument & { parse: ParsedDocument }, spans, names, loaded);
    },
  };
}
