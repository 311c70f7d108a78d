import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { LauncherError } from './launcher-error';

// Neo4j Browser's jar holds the web app under this folder; the rest (META-INF) is Java packaging.
const APP_PREFIX = 'browser/';

/** The Neo4j Browser jar among the resolved jars, or undefined when the pinned dependencies hold none. */
export function browserJar(libDir: string): string | undefined {
  const name = fs.existsSync(libDir) ? fs.readdirSync(libDir).find((file) => /^neo4j-browser-.+\.jar$/.test(file)) : undefined;
  return name ? path.join(libDir, name) : undefined;
}

/**
 * Ensures appDir holds Neo4j Browser's static files, unpacked from its jar in libDir once per jar version, so that the
 * API can serve Browser under a Content-Security-Policy that keeps it from reaching any host but this machine's.
 */
export async function ensureBrowserApp(libDir: string, appDir: string): Promise<{ unpacked: boolean }> {
  const jar = browserJar(libDir);
  if (!jar) throw new LauncherError(`No neo4j-browser jar in ${libDir}; delete that folder so that the next start resolves the jars again.`);
  const marker = path.join(appDir, '.unpacked-from');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === path.basename(jar)) return { unpacked: false };

  // Unpacked beside the target and renamed into place, so that an interrupted start never leaves half an app.
  const staging = `${appDir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    await unpack(jar, APP_PREFIX, staging);
    if (!fs.existsSync(path.join(staging, 'index.html'))) throw new LauncherError(`${jar} holds no ${APP_PREFIX}index.html; it is not a Neo4j Browser jar.`);
    fs.writeFileSync(path.join(staging, '.unpacked-from'), `${path.basename(jar)}\n`);
    fs.rmSync(appDir, { recursive: true, force: true });
    fs.renameSync(staging, appDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { unpacked: true };
}

/** Writes the jar's files under prefix into targetDir (yauzl refuses entry names that are absolute or climb with ..). */
async function unpack(archive: string, prefix: string, targetDir: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(archive, { lazyEntries: true, autoClose: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(new LauncherError(`Cannot unpack Neo4j Browser from ${archive}: ${(error as Error).message}`));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.startsWith(prefix) || entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      const target = path.join(targetDir, entry.fileName.slice(prefix.length));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        pipeline(stream, fs.createWriteStream(target)).then(() => zip.readEntry(), fail);
      });
    });
    zip.readEntry();
  });
}
