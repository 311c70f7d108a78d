// The ingester's public face: the extractor seam, the rule extractors, and the pipeline that runs them.
export * from './extractors/index';
export { analyse, proposeDraft } from './pipeline/run';
export type { Parser } from './nlp/parse';
export { knownEntities, type SourceOptions } from './pipeline/read';
export { writeDraft } from './pipeline/write-draft';
export { draftReport } from './pipeline/report';
export { corpusFiles, corpusReportText, ingestCorpus, type CorpusProgress, type CorpusReport } from './pipeline/corpus';
