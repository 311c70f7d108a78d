import { AppError, ExitCode } from './app-error';

/**
 * Turns an error that ends a command into what the person at the terminal reads, and the process's exit code: an
 * AppError's message and hint, or for anything else a one-line description that says it is a bug. Never a stack trace,
 * unless TRACE=1 asks for one.
 */
export function describeFatal(error: unknown, env: NodeJS.ProcessEnv = process.env): { text: string; exitCode: number } {
  const trace = env.TRACE === '1' && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof AppError) {
    return { text: `${error.message}${error.hint ? `\n${error.hint}` : ''}${trace}`, exitCode: error.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    text: `Unexpected error: ${message}\nThis is a bug; please report it with the command you ran (TRACE=1 prints the stack).${trace}`,
    exitCode: ExitCode.SOFTWARE,
  };
}

/** Prints a fatal error to stderr and sets the exit code; the one reporter of `npm start` and the CLI. */
export function reportFatal(error: unknown): void {
  const { text, exitCode } = describeFatal(error);
  console.error(text);
  process.exitCode = exitCode;
}
