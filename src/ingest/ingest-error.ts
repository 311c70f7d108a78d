import { AppError, ExitCode } from '../errors/app-error';

/** A file or draft the ingester cannot take: the message names the file and what is wrong; nothing was written. */
export class IngestError extends AppError {
  readonly code = 'INGEST_REFUSED';
  readonly exitCode = ExitCode.DATA;
}

/** A text the seed or a draft already holds (by content hash): a corpus run skips it rather than refusing it. */
export class AlreadyIngestedError extends IngestError {
  constructor(
    message: string,
    hint: string,
    /** Where the text already is: the document's id and its file or draft folder. */
    readonly already: string,
  ) {
    super(message, hint);
  }
}
