import { AppError, ExitCode } from '../errors/app-error';

/** A file or draft the ingester cannot take: the message names the file and what is wrong; nothing was written. */
export class IngestError extends AppError {
  readonly code = 'INGEST_REFUSED';
  readonly exitCode = ExitCode.DATA;
}
