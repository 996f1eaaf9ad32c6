/**
 * Writes a new migration for one subgraph without the Prisma binary:
 *   npm run migration:create -- <subgraph> <name>
 * diffs `prisma/schema.prisma` against the copy taken at the last migration
 * (`prisma/migrations/schema.snapshot.prisma`) and writes
 * `prisma/migrations/<timestamp>_<name>/migration.sql`, the layout `prisma migrate deploy` reads.
 * With --check it only fails when the schema has changes no migration holds yet (CI).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withSchemaEngine } from '../engine';
import { repoRoot, subgraphNames } from '../workspace';

const EMPTY = 'datasource db {\n  provider = "postgresql"\n}\n';
const serverUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function pendingSql(name: string): Promise<{ sql: string; schema: string; snapshotPath: string; migrationsDir: string }> {
  const prismaDir = path.join(repoRoot, 'subgraphs', name, 'prisma');
  const migrationsDir = path.join(prismaDir, 'migrations');
  const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');
  const schema = await readFile(path.join(prismaDir, 'schema.prisma'), 'utf8');
  const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, 'utf8') : EMPTY;
  const sql = await withSchemaEngine(serverUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    return (result as { stdout: string }).stdout;
  });
  return { sql, schema, snapshotPath, migrationsDir };
}

const isEmpty = (sql: string) => sql.replace(/--.*$/gm, '').trim() === '';

const args = process.argv.slice(2);
if (args[0] === '--check') {
  const stale: string[] = [];
  for (const name of await subgraphNames()) if (!isEmpty((await pendingSql(name)).sql)) stale.push(name);
  if (stale.length) {
    console.error(`schema.prisma has changes without a migration in: ${stale.join(', ')} (npm run migration:create -- <subgraph> <name>)`);
    process.exit(1);
  }
  console.log('migrations: every schema change has a migration');
  process.exit(0);
}

const [name, label] = args;
if (!name || !label || !/^[a-z0-9_]+$/.test(label)) {
  console.error('usage: npm run migration:create -- <subgraph> <name_in_snake_case>');
  process.exit(2);
}
const { sql, schema, snapshotPath, migrationsDir } = await pendingSql(name);
if (isEmpty(sql)) {
  console.log(`${name}: schema.prisma matches the last migration; nothing to write`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${label}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
await writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
await writeFile(snapshotPath, schema);
console.log(`${name}: wrote ${path.relative(repoRoot, dir)}/migration.sql`);
process.exit(0);
