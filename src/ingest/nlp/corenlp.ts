import { z } from 'zod';
import { AppError, ExitCode } from '../../errors/app-error';
import type { CorefMention, ParsedDocument, ParsedSentence, Parser } from './parse';

/** CoreNLP did not answer, or answered with an error, while a document was parsed. */
export class CoreNlpFailed extends AppError {
  override readonly name = 'CoreNlpFailed';
  readonly code = 'CORENLP_FAILED';
  readonly exitCode = ExitCode.UNAVAILABLE;
}

// What the ingester reads of CoreNLP's JSON; the rest (basic dependencies, speaker...) is ignored.
const tokenSchema = z.object({
  index: z.number(),
  word: z.string(),
  lemma: z.string(),
  pos: z.string(),
  ner: z.string().default('O'),
  characterOffsetBegin: z.number(),
  characterOffsetEnd: z.number(),
});
const edgeSchema = z.object({ dep: z.string(), governor: z.number(), dependent: z.number() });
const mentionSchema = z.object({
  ner: z.string(),
  tokenBegin: z.number(),
  tokenEnd: z.number(),
  characterOffsetBegin: z.number(),
  characterOffsetEnd: z.number(),
});
const corefSchema = z.object({
  type: z.string(),
  sentNum: z.number(),
  startIndex: z.number(),
  endIndex: z.number(),
  headIndex: z.number(),
  isRepresentativeMention: z.boolean(),
});
const answerSchema = z.object({
  sentences: z.array(
    z.object({
      tokens: z.array(tokenSchema),
      enhancedPlusPlusDependencies: z.array(edgeSchema).default([]),
      entitymentions: z.array(mentionSchema).default([]),
    }),
  ),
  corefs: z.record(z.string(), z.array(corefSchema)).default({}),
});
type Answer = z.infer<typeof answerSchema>;

export interface CoreNlpOptions {
  /** The server, e.g. http://127.0.0.1:9010. */
  url: string;
  /**
   * A RegexNER mapping file the server can read (the graph's names and aliases, so that "ICHEI" is an organization);
   * only for a server on this machine, which reads the file by its path.
   */
  regexnerMapping?: string;
  /** How long one document may take, in ms. */
  timeoutMs?: number;
}

/** The annotators a document is parsed with: the server preloads the same (src/launcher/local-corenlp.ts). */
const ANNOTATORS = 'tokenize,ssplit,pos,lemma,ner,depparse,coref';

/**
 * The properties a document is annotated with: the annotators, JSON out, and the options the ingester reads by (the
 * benchmark sends the same, to time CoreNLP's own annotation beside the ingester's).
 */
export function coreNlpProperties(options: Pick<CoreNlpOptions, 'regexnerMapping'> = {}): Record<string, string> {
  return {
    annotators: ANNOTATORS,
    outputFormat: 'json',
    // A headline and its paragraph are two sentences, and a line of a programme is not joined to the next.
    'ssplit.newlineIsSentenceBreak': 'two',
    'coref.algorithm': 'statistical',
    'ner.applyFineGrained': 'true',
    ...(options.regexnerMapping ? { 'ner.additional.regexner.mapping': options.regexnerMapping, 'ner.additional.regexner.ignorecase': 'false' } : {}),
  };
}

/** The URL a document's text is POSTed to, its properties in the query string as CoreNLP's server takes them. */
export function coreNlpRequestUrl(options: CoreNlpOptions): string {
  return `${options.url}/?properties=${encodeURIComponent(JSON.stringify(coreNlpProperties(options)))}`;
}

/** Stanford CoreNLP's server as the ingester's parser (English). */
export class CoreNlpParser implements Parser {
  readonly name: string;
  readonly url: string;

  constructor(private readonly options: CoreNlpOptions) {
    this.name = `CoreNLP at ${options.url}`;
    this.url = options.url;
  }

  async parse(text: string): Promise<ParsedDocument> {
    const answer = answerSchema.safeParse(await this.post(text));
    if (!answer.success) {
      throw new CoreNlpFailed(
        `CoreNLP at ${this.options.url} answered in a shape the ingester does not know: ${answer.error.issues[0]?.message}.`,
        'Use CoreNLP 4.5.x.',
      );
    }
    return toParsed(this.name, answer.data);
  }

  private async post(text: string): Promise<unknown> {
    const url = coreNlpRequestUrl(this.options);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
      });
    } catch (error) {
      throw new CoreNlpFailed(
        `CoreNLP at ${this.options.url} did not answer: ${(error as Error).message}.`,
        'Check it runs (`npm run cli -- corenlp status`); a rerun continues with the documents not yet drafted.',
      );
    }
    const body = await response.text();
    if (!response.ok) {
      const oom = /OutOfMemory|Java heap space/i.test(body);
      throw new CoreNlpFailed(
        `CoreNLP at ${this.options.url} failed on this document (HTTP ${response.status}): ${body.slice(0, 300)}`,
        oom ? 'It ran out of memory: raise CORENLP_HEAP and restart it (`npm run cli -- corenlp stop`).' : 'See its log; a rerun continues.',
      );
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new CoreNlpFailed(`CoreNLP at ${this.options.url} answered with something that is not JSON: ${body.slice(0, 200)}`);
    }
  }
}

/** CoreNLP's answer in the ingester's shape. */
function toParsed(parser: string, answer: Answer): ParsedDocument {
  const sentences: ParsedSentence[] = answer.sentences.map((s) => ({
    start: s.tokens[0]?.characterOffsetBegin ?? 0,
    end: s.tokens.at(-1)?.characterOffsetEnd ?? 0,
    tokens: s.tokens.map((t) => ({
      index: t.index,
      word: t.word,
      lemma: t.lemma,
      pos: t.pos,
      ner: t.ner,
      start: t.characterOffsetBegin,
      end: t.characterOffsetEnd,
    })),
    edges: s.enhancedPlusPlusDependencies.filter((e) => e.dep !== 'ROOT'),
    entities: s.entitymentions.map((m) => ({
      type: m.ner,
      start: m.characterOffsetBegin,
      end: m.characterOffsetEnd,
      tokenStart: m.tokenBegin + 1,
      tokenEnd: m.tokenEnd + 1,
    })),
  }));
  const corefs = Object.values(answer.corefs).map((chain) =>
    [...chain]
      .sort((a, b) => Number(b.isRepresentativeMention) - Number(a.isRepresentativeMention))
      .flatMap((m): CorefMention[] => {
        const sentence = sentences[m.sentNum - 1];
        const first = sentence?.tokens[m.startIndex - 1];
        const last = sentence?.tokens[m.endIndex - 2];
        return first && last ? [{ sentence: m.sentNum - 1, start: first.start, end: last.end, head: m.headIndex, kind: m.type }] : [];
      }),
  );
  return { parser, sentences, corefs };
}

/**
 * The graph's names as a RegexNER mapping (pattern, tag, overwritable tags, priority), one per line, so that CoreNLP
 * tags "ICHEI" as an organization: the tag is the model's kind, mapped to CoreNLP's tag set.
 */
export function regexnerMapping(entities: readonly { type: string; names: readonly string[] }[]): string {
  const tagOf: Record<string, string> = { Organization: 'ORGANIZATION', Person: 'PERSON', Country: 'COUNTRY', Place: 'LOCATION', RegionalBloc: 'ORGANIZATION' };
  const lines = new Set<string>();
  for (const entity of entities) {
    const tag = tagOf[entity.type];
    if (!tag) continue;
    for (const name of entity.names) {
      // RegexNER patterns are token sequences; each token is a regular expression, so special characters are escaped.
      const tokens = name.split(/\s+/).filter(Boolean);
      if (tokens.length === 0 || /[\t\n]/.test(name)) continue;
      lines.add(`${tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ')}\t${tag}\tMISC,O,ORGANIZATION,LOCATION,PERSON,CITY,COUNTRY\t1`);
    }
  }
  return [...lines].sort().join('\n') + '\n';
}
