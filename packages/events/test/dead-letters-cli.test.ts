import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { databaseUrl, dropDatabase, ensureDatabase } from '@gametriggers/prisma-tools';
import { pino } from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defineEvent } from '../src/contract';
import { PostgresEventTransport } from '../src/postgres-transport';
import { PermanentEventError } from '../src/transport';

const run = promisify(execFile);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'dead-letters.ts');
const Pinged = defineEvent({
  type: 'tests.ping.sent',
  version: 1,
  source: 'clitests',
  description: 'a ping',
  schema: z.object({ n: z.number() }),
});

let busUrl: string;
let transport: PostgresEventTransport;
beforeAll(async () => {
  busUrl = databaseUrl(inject('databaseServerUrl'), `test_events_cli_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(busUrl);
  transport = new PostgresEventTransport(busUrl, pino({ level: 'silent' }));
});
afterAll(async () => {
  await transport.close();
  await dropDatabase(busUrl);
});

const dlq = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', cli, ...args], { env: { ...process.env, EVENT_BUS_URL: busUrl, AMQP_URL: '' } });

describe('npm run events:dead-letters', () => {
  it('lists a consumer dead letters with their reasons, and replays them after a fix', async () => {
    let fixed = false;
    const handled: number[] = [];
    const consumer = await transport.consume({
      consumer: 'cli-consumer',
      contracts: [Pinged],
      handle: async (envelope) => {
        if (!fixed) throw new PermanentEventError('pings are not understood yet');
        handled.push((envelope.data as { n: number }).n);
      },
    });
    try {
      const id = '01930000-0000-7000-8000-00000000c111';
      await transport.publish([
        {
          specversion: '1.0',
          id,
          source: '/subgraphs/clitests',
          type: Pinged.type,
          dataversion: 1,
          subject: 's',
          time: new Date().toISOString(),
          correlationid: id,
          datacontenttype: 'application/json',
          data: { n: 7 },
        },
      ]);
      for (let i = 0; i < 100 && (await transport.deadLetters('cli-consumer')).length === 0; i += 1)
        await new Promise((r) => setTimeout(r, 50));

      const listed = await dlq('cli-consumer');
      expect(listed.stdout).toContain(id);
      expect(listed.stdout).toContain('pings are not understood yet');
      expect(listed.stdout).toMatch(/1 dead letter\(s\) for cli-consumer/);

      fixed = true;
      const replayed = await dlq('cli-consumer', '--replay');
      expect(replayed.stdout).toMatch(/replayed 1 event\(s\) to cli-consumer/);
      for (let i = 0; i < 100 && handled.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(handled).toEqual([7]);
      expect((await dlq('cli-consumer')).stdout).toMatch(/0 dead letter\(s\)/);
    } finally {
      await consumer.stop();
    }
  });

  it('explains its usage when called wrongly', async () => {
    await expect(dlq()).rejects.toMatchObject({ code: 2 });
  });
});
