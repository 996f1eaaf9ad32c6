import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInternalAuth, resolveInternalAuthSecret } from '../src';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'internal-secret-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveInternalAuthSecret', () => {
  it('uses INTERNAL_AUTH_SECRET as given, and requires it in production', async () => {
    await expect(resolveInternalAuthSecret({ secret: 'given', production: true, file: '/nonexistent/x' })).resolves.toBe('given');
    await expect(resolveInternalAuthSecret({ production: true, file: path.join(dir, 'prod') })).rejects.toThrow(/required in production/);
  });

  it('in development, generates one file (0600) once, shared by concurrent starters and later starts', async () => {
    const file = path.join(dir, 'data', 'internal-auth-secret');
    const secrets = await Promise.all(Array.from({ length: 8 }, () => resolveInternalAuthSecret({ production: false, file })));
    expect(new Set(secrets).size).toBe(1);
    expect(() => createInternalAuth(secrets[0]!)).not.toThrow();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await resolveInternalAuthSecret({ production: false, file })).toBe(secrets[0]);
    expect((await readFile(file, 'utf8')).trim()).toBe(secrets[0]);
  });

  it('tightens a secret file others could read', async () => {
    const file = path.join(dir, 'loose');
    await writeFile(file, 'x'.repeat(48), { mode: 0o644 });
    await resolveInternalAuthSecret({ production: false, file });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
