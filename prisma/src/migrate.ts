import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ensureDatabase } from './database';
import { withSchemaEngine } from './engine';

const LOCKFILE = { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' };

/** The migration directories of `migrationsDir` in order, in the shape the schema engine reads. */
async function readMigrations(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names
      .filter((name) => existsSync(path.join(migrationsDir, name, 'migration.sql')))
      .map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      })),
  );
}

/**
 * Creates the database if needed and applies the migrations of `migrationsDir` that it lacks,
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does.
 * Returns the names of the migrations applied now.
 */
export async function migrateDatabase(connectionString: string, migrationsDir: string): Promise<string[]> {
  await ensureDatabase(connectionString);
  const migrationDirectories = await readMigrations(migrationsDir);
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: { baseDir: migrationsDir, lockfile: LOCKFILE, shadowDbInitScript: '', migrationDirectories },
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    return (result as { appliedMigrationNames: string[] }).appliedMigrationNames;
  });
}
