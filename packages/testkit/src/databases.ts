import { randomBytes } from 'node:crypto';
import { databaseUrl, dropDatabase, migrateDatabase } from '@gametriggers/prisma-tools';
import { inject } from 'vitest';
import type {} from './provided-context';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated database on the run's PostgreSQL server, dropped by `drop()`. */
export async function createTestDatabase(prefix: string, migrationsDir: string): Promise<TestDatabase> {
  const name = `test_${prefix}_${randomBytes(5).toString('hex')}`;
  const url = databaseUrl(inject('databaseServerUrl'), name);
  await migrateDatabase(url, migrationsDir);
  return { url, drop: () => dropDatabase(url) };
}
