/**
 * Exit codes of the command-line entry points (`npm start`, `npm run cli`), after BSD's sysexits.h, so that a script
 * can tell a bad configuration from bad data or a missing database.
 */
export enum ExitCode {
  /** Something unexpected: a bug. */
  SOFTWARE = 70,
  /** Seed data (or another input file) is invalid. */
  DATA = 65,
  /** A needed service (Neo4j, Java, Maven, Docker, a free port) is not available. */
  UNAVAILABLE = 69,
  /** The database refused or could not finish the work; trying again, perhaps with other settings, may succeed. */
  TEMPORARY = 75,
  /** An environment variable has a bad value. */
  CONFIG = 78,
}

/**
 * The base of every error meant for the person at the terminal: a message saying what is wrong, a hint saying what to
 * do, a stable code and an exit code. The reporter prints these without a stack trace.
 */
export abstract class AppError extends Error {
  /** A stable name for the kind of problem, e.g. CONFIG_INVALID. */
  abstract readonly code: string;
  abstract readonly exitCode: ExitCode;

  constructor(
    message: string,
    /** What to do about it, in one or two sentences; empty when the message already says. */
    readonly hint = '',
  ) {
    super(message);
  }
}
