import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, dropDatabase } from './database';
import { migrateDatabase } from './migrate';

const url = databaseUrl(inject('databaseServerUrl'), `test_migrate_${randomBytes(4).toString('hex')}`);
let dir: string;

afterAll(async () => {
  await dropDatabase(url);
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeMigration(name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

describe('migrateDatabase (WASM schema engine, no binary)', () => {
  it('creates the database, applies migrations in order once, and keeps function bodies whole', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-migrations-'));
    await writeMigration('20260101000000_init', 'CREATE TABLE "Reading" ("value" INTEGER NOT NULL);');
    await writeMigration(
      '20260102000000_guard',
      `-- A trigger whose body holds semicolons; so does this comment.
CREATE FUNCTION reject_negative() RETURNS trigger AS $$
BEGIN
  IF NEW."value" < 0 THEN RAISE EXCEPTION 'negative reading'; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Reading_guard" BEFORE INSERT ON "Reading" FOR EACH ROW EXECUTE FUNCTION reject_negative();`,
    );
    expect(await migrateDatabase(url, dir)).toEqual(['20260101000000_init', '20260102000000_guard']);
    expect(await migrateDatabase(url, dir)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('INSERT INTO "Reading" VALUES (1)');
      await expect(client.query('INSERT INTO "Reading" VALUES (-1)')).rejects.toThrow(/negative reading/);
      const { rows } = await client.query('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
      expect(rows.map((row) => row.migration_name)).toEqual(['20260101000000_init', '20260102000000_guard']);
    } finally {
      await client.end();
    }
  });
});
