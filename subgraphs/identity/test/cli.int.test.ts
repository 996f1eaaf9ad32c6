import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, silentLogger } from '@gametriggers/testkit';
import type { TestDatabase } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/account/password';
import { loadIdentityConfig } from '../src/config';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { createIdentitySealer } from '../src/signing-key/encryption-keys';
import { createSigningKeys } from '../src/signing-key/signing-keys';
import { PASSWORD, uniqueEmail } from './factories';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const run = promisify(execFile);

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase('identity', identitySubgraph.migrationsDir);
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

/** Runs an identity CLI as `npm run` would, against the test database; resolves with its exit code and output. */
async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `subgraphs/identity/src/cli/${script}.ts`, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('identity CLIs', () => {
  // Each run starts Node with tsx: seconds apiece on a busy machine.
  it('identity:create-admin creates an ACTIVE admin from ADMIN_PASSWORD, once', { timeout: 90_000 }, async () => {
    const email = uniqueEmail('ops');
    const created = await cli('create-admin', ['--email', email.toUpperCase()], { ADMIN_PASSWORD: PASSWORD });
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining(`created admin ${email}`) });
    expect(created.output).not.toContain(PASSWORD);
    const admin = await db.account.findFirstOrThrow({ where: { kind: 'ADMIN', email } });
    expect(admin).toMatchObject({ status: 'ACTIVE', brandId: null, streamerId: null });
    expect(await verifyPassword(admin.passwordHash, PASSWORD)).toBe(true);

    expect(await cli('create-admin', ['--email', email], { ADMIN_PASSWORD: PASSWORD })).toMatchObject({
      code: 1,
      output: expect.stringContaining('already exists'),
    });
    expect(await cli('create-admin', [])).toMatchObject({ code: 2, output: expect.stringContaining('usage') });
  });

  it('identity:rotate-key makes a new ACTIVE key and demotes the previous one', { timeout: 60_000 }, async () => {
    const sealer = createIdentitySealer(loadIdentityConfig(), silentLogger);
    await createSigningKeys({ db, sealer: () => sealer, logger: silentLogger, replaceUnreadableKey: false }).active();
    const second = await cli('rotate-key', []);
    expect(second.code).toBe(0);
    const keys = await db.signingKey.findMany({ orderBy: { createdAt: 'asc' } });
    expect(keys.map((key) => key.status)).toEqual(['PASSIVE', 'ACTIVE']);
    expect(second.output).toContain(`new ACTIVE signing key ${keys[1]!.kid}, ${keys[0]!.kid} is now PASSIVE`);
  });
});

describe('a lost key-encryption key', () => {
  it('fails loudly in production and, in development, rotates to a new signing key', async () => {
    const keysWith = (dir: string, replaceUnreadableKey: boolean) => {
      const sealer = createIdentitySealer(loadIdentityConfig({ DATA_DIR: dir }), silentLogger);
      return createSigningKeys({ db, sealer: () => sealer, logger: silentLogger, replaceUnreadableKey });
    };
    const dir = `/tmp/identity-kek-${Date.now()}`;
    await db.signingKey.deleteMany(); // this file's own database: start from no key
    const before = await keysWith(dir, false).active();
    await expect(keysWith(`${dir}-lost`, false).active()).rejects.toThrow(/not configured/);
    const after = await keysWith(`${dir}-lost`, true).active();
    expect(after.kid).not.toBe(before.kid);
    expect(await db.signingKey.findUniqueOrThrow({ where: { kid: before.kid } })).toMatchObject({ status: 'PASSIVE' });
    expect(await db.signingKey.count({ where: { status: 'ACTIVE' } })).toBe(1);
  });
});
