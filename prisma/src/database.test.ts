import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, dropDatabase, ensureDatabase } from './database';

const urls: string[] = [];
afterAll(async () => {
  await Promise.all(urls.map((url) => dropDatabase(url)));
});

describe('ensureDatabase', () => {
  it('creates a database once however many processes ask at the same moment', async () => {
    // Nine standalone subgraphs starting together all ensure the shared event-bus database.
    for (let round = 0; round < 5; round += 1) {
      const url = databaseUrl(inject('databaseServerUrl'), `test_ensure_${randomBytes(4).toString('hex')}`);
      urls.push(url);
      await Promise.all(Array.from({ length: 9 }, () => ensureDatabase(url)));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      expect((await client.query('SELECT 1 AS "one"')).rows).toEqual([{ one: 1 }]);
      await client.end();
    }
  });
});
