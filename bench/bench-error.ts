import { AppError, ExitCode } from '../src/errors/app-error';

/** The benchmark cannot run here: something it needs is missing or busy, or an argument is wrong (see bench/preflight.ts). */
export class BenchNotReadyError extends AppError {
  override readonly name = 'BenchNotReadyError';
  readonly code = 'BENCH_NOT_READY';
  constructor(
    message: string,
    hint: string,
    readonly exitCode: ExitCode,
  ) {
    super(message, hint);
  }
}

/** A file the benchmark reads (bench/tried.json) does not hold what it should; the message names the file and the field. */
export class BenchFileError extends AppError {
  override readonly name = 'BenchFileError';
  readonly code = 'BENCH_FILE_INVALID';
  readonly exitCode = ExitCode.DATA;
}
