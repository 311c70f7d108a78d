import { Neo4jError } from 'neo4j-driver';
import { ConfigError } from '../../src/config/env';
import { classifyDriverError } from '../../src/db/driver-errors';
import { LauncherError } from '../../src/launcher/launcher-error';
import { ExitCode } from '../../src/errors/app-error';
import { describeFatal } from '../../src/errors/report';
import { SeedLoadError } from '../../src/seed/seed-load-error';
import { SeedValidationError } from '../../src/seed/seed-problem';

describe('the one reporter of npm start and the CLI', () => {
  it.each([
    ['a bad variable', new ConfigError(['PORT: must be a port number']), ExitCode.CONFIG],
    ['no database', new LauncherError('No Neo4j server can be had.'), ExitCode.UNAVAILABLE],
    ['invalid seed data', new SeedValidationError([{ file: 'seed/x.json', path: '[0].id', message: 'bad' }]), ExitCode.DATA],
    ['a refused load', new SeedLoadError('Loading 1 nodes failed.', 'Load again.'), ExitCode.TEMPORARY],
  ])('prints %s as its message and hint, with its exit code and no stack trace', (_name, error, exitCode) => {
    const { text, exitCode: code } = describeFatal(error, {});
    expect(code).toBe(exitCode);
    expect(text.startsWith(error.message)).toBe(true);
    if (error.hint) expect(text.endsWith(error.hint)).toBe(true);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('calls anything else a bug, still without a stack trace unless TRACE=1', () => {
    const bug = new TypeError('x is not a function');
    expect(describeFatal(bug, {})).toEqual({
      text: expect.stringMatching(/^Unexpected error: x is not a function\nThis is a bug/),
      exitCode: ExitCode.SOFTWARE,
    });
    expect(describeFatal(bug, {}).text).not.toMatch(/\n\s+at /);
    expect(describeFatal(bug, { TRACE: '1' }).text).toMatch(/\n\s+at /);
  });
});

describe('classifyDriverError', () => {
  const error = (code: string) => new Neo4jError('message', code, '50N42', 'error');

  it.each([
    ['ServiceUnavailable', 'unavailable'],
    ['SessionExpired', 'unavailable'],
    // The driver's own errors, raised before a server answered (a connection pool that gave up waiting).
    ['N/A', 'unavailable'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'unavailable'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timeout'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'timeout'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'out_of_memory'],
    ['Neo.ClientError.General.TransactionOutOfMemoryError', 'out_of_memory'],
    ['Neo.ClientError.Statement.SyntaxError', 'client_error'],
    ['Neo.DatabaseError.General.UnknownError', 'server_error'],
  ])('%s is %s', (code, kind) => {
    expect(classifyDriverError(error(code))).toBe(kind);
  });

  it('by the error, never by its message: anything not a Neo4jError is no driver error', () => {
    expect(classifyDriverError(Object.assign(new Error('Connection acquisition timed out'), { code: 'ServiceUnavailable' }))).toBeUndefined();
    expect(classifyDriverError(null)).toBeUndefined();
  });
});
