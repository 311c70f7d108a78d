import { CoreNlpFailed, coreNlpRequestUrl, type CoreNlpOptions } from '../src/ingest/nlp/corenlp';
import { hanlpUrl } from '../src/ingest/nlp/hanlp';
import { isChinese } from '../src/ingest/nlp/language';
import { EXTRACTORS } from '../src/ingest/extractors/index';
import type { Gazetteer } from '../src/ingest/extractors/gazetteer';
import type { AnnotateOptions } from '../src/ingest/pipeline/annotate';
import { analyse } from '../src/ingest/pipeline/run';
import { extractText } from '../src/ingest/source/extract-text';
import { readSource } from '../src/ingest/source/read-source';
import type { CorpusEntry } from './ingest-corpus';

// The three sides of the ingest section, each reading one document at a time as ingest does: the annotators alone
// (the floor), the whole pipeline with them, and the rule pipeline alone.

/** What a side needs: the CoreNLP server as the pipeline's parser reaches it, the pipeline's annotators, the graph. */
export interface SideSetup {
  coreNlp: CoreNlpOptions;
  annotators: AnnotateOptions;
  gazetteer: Gazetteer;
}

/** One side: what it runs on one document. */
export interface Side {
  name: 'floor' | 'pipeline' | 'rules';
  what: string;
  run(entry: CorpusEntry): Promise<void>;
}

/** POSTs a text and reads the answer whole, as any client would, failing with the server's own words. */
async function postText(url: string, text: string, server: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const body = await response.text();
  if (!response.ok) throw new CoreNlpFailed(`${server} failed on a document of the corpus (HTTP ${response.status}): ${body.slice(0, 300)}`);
}

/**
 * The floor: each text sent to the annotator the pipeline sends it to, with the same properties (CoreNLP for English,
 * HanLP for Chinese, whose documents CoreNLP's English models never read), and nothing else.
 */
function floorSide({ coreNlp }: SideSetup): Side {
  const coreNlpUrl = coreNlpRequestUrl(coreNlp);
  return {
    name: 'floor',
    what: "CoreNLP's own annotation of each text (HanLP's for the Chinese ones), POSTed with the ingester's properties and read whole",
    run: async (entry) => {
      const { text } = entry.extracted;
      if (isChinese(entry.language)) await postText(`${await hanlpUrl()}/segment`, text, 'HanLP');
      else await postText(coreNlpUrl, text, `CoreNLP at ${coreNlp.url}`);
    },
  };
}

/** The whole pipeline on one document: read the file, extract its text, segment, annotate, extract, resolve. */
function pipelineRun(gazetteer: Gazetteer, annotators: AnnotateOptions): (entry: CorpusEntry) => Promise<void> {
  return async (entry) => {
    await analyse('doc:bench-article', extractText(readSource(entry.path)), gazetteer, EXTRACTORS, annotators);
  };
}

/** The three sides, in the order each round runs them. */
export function sides(setup: SideSetup): Side[] {
  return [
    floorSide(setup),
    {
      name: 'pipeline',
      what: 'the whole pipeline with CoreNLP (HanLP for Chinese): read, extract the text, segment, annotate, extract, resolve',
      run: pipelineRun(setup.gazetteer, setup.annotators),
    },
    { name: 'rules', what: 'the rule pipeline alone (no CoreNLP, no HanLP)', run: pipelineRun(setup.gazetteer, { hanlp: false }) },
  ];
}

/** One pass of a side over the corpus, one document at a time: its wall time, in ms (the untimed warm-up uses it). */
export async function pass(side: Side, corpus: readonly CorpusEntry[]): Promise<number> {
  const began = performance.now();
  for (const entry of corpus) await side.run(entry);
  return performance.now() - began;
}

/** The time one side takes on one document, in ms. */
export async function timeDocument(side: Side, entry: CorpusEntry): Promise<number> {
  const began = performance.now();
  await side.run(entry);
  return performance.now() - began;
}
