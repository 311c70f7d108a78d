import { AppError, ExitCode } from '../errors/app-error';

/** A failure to provide a Neo4j server, with a message meant for the person at the terminal. */
export class LauncherError extends AppError {
  override readonly name = 'LauncherError';
  readonly code = 'NO_DATABASE';
  readonly exitCode = ExitCode.UNAVAILABLE;
}
