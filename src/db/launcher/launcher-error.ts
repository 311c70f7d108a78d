/** A failure to provide a Neo4j server, with a message meant for the person at the terminal. */
export class LauncherError extends Error {
  override readonly name = 'LauncherError';
}
