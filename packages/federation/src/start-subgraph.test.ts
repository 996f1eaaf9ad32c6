import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startSubgraph } from './subgraph';
import type { SubgraphDefinition } from './subgraph';

describe('startSubgraph', () => {
  it('fails closed: refuses to start without internalAuth', async () => {
    let connected = false;
    const definition = {
      name: 'lonely',
      createDatabaseClient: () => {
        connected = true;
        return {};
      },
    } as unknown as SubgraphDefinition;
    await expect(
      startSubgraph(definition, { databaseUrl: 'postgresql://unused', logger: pino({ level: 'silent' }) } as never),
    ).rejects.toThrow(/needs internalAuth \(INTERNAL_AUTH_SECRET\)/);
    expect(connected).toBe(false);
  });
});
