import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file name of a development secret inside a data directory (e.g. `.data/internal-auth-secret`). */
export const INTERNAL_AUTH_SECRET_FILE = 'internal-auth-secret';

export interface InternalAuthSecretSource {
  /** INTERNAL_AUTH_SECRET, when set: used as is. */
  secret?: string | undefined;
  /** NODE_ENV=production: the secret must be given, never generated. */
  production: boolean;
  /** Where a development secret is kept (created 0600 on first use, reused afterwards). */
  file: string;
}

/**
 * The deployment's INTERNAL_AUTH_SECRET: the configured one; in production nothing else; in
 * development the one in `file`, generated there on first use so every process started from the
 * same checkout (the launcher, standalone subgraphs, the router) shares it across restarts.
 */
export async function resolveInternalAuthSecret(source: InternalAuthSecretSource): Promise<string> {
  if (source.secret) return source.secret;
  if (source.production) {
    throw new Error('INTERNAL_AUTH_SECRET is required in production (at least 32 bytes, e.g. `openssl rand -base64 48`)');
  }
  const existing = await readSecret(source.file);
  if (existing) return existing;
  await mkdir(path.dirname(source.file), { recursive: true });
  // Written aside, then linked into place: concurrent starters never read a half-written file,
  // and the first link wins (the others read the winner's secret).
  const temporary = `${source.file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  try {
    await link(temporary, source.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  const secret = await readSecret(source.file);
  if (!secret) throw new Error(`${source.file} holds no secret`);
  return secret;
}

async function readSecret(file: string): Promise<string | undefined> {
  try {
    const mode = (await stat(file)).mode & 0o777;
    // A secret others can read is no secret: tighten what an editor or a copy loosened.
    if (mode & 0o077) await chmod(file, 0o600);
    return (await readFile(file, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
