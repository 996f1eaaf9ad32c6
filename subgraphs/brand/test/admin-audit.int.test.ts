import { redactVariables } from '@gametriggers/federation';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { brandSubgraph } from '../src/index';
import { brandInput } from './factories';

const CREATE = `mutation CreateBrand($input: CreateBrandInput!) { createBrand(input: $input) { id } }`;

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph, { viewer: { ...testAdmin, sessionId: '01930000-0000-7000-8000-00000000a5e5' } });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

const audit = async () =>
  (
    await sql.query(
      `SELECT "accountId"::text, "sessionId"::text, "operation", "fields", "variables", "outcome" FROM "AdminAuditLog" ORDER BY "id"`,
    )
  ).rows;

describe('the admin audit trail', () => {
  it('records each mutation an admin sends, with its outcome, and nothing else', async () => {
    expect((await subgraph.query(CREATE, { input: brandInput() })).errors).toBeUndefined();
    await subgraph.query(CREATE, { input: brandInput({ contact: { name: 'A', email: 'not-an-email' } }) });
    await subgraph.query(`{ brands(first: 1) { nodes { id } } }`); // a read: not recorded
    const brand = { kind: 'BRAND' as const, entityId: crypto.randomUUID(), accountId: crypto.randomUUID(), scopes: [] };
    await subgraph.query(CREATE, { input: brandInput() }, brand); // not an admin: refused, not an admin action
    const rows = await audit();
    expect(rows).toMatchObject([
      {
        accountId: testAdmin.accountId,
        sessionId: '01930000-0000-7000-8000-00000000a5e5',
        operation: 'CreateBrand',
        fields: ['createBrand'],
        outcome: 'OK',
      },
      { operation: 'CreateBrand', outcome: 'BAD_USER_INPUT', variables: { input: { contact: { email: 'not-an-email' } } } },
    ]);
    expect(rows).toHaveLength(2);
  });

  it('cannot be changed or erased', async () => {
    await expect(sql.query(`UPDATE "AdminAuditLog" SET "outcome" = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM "AdminAuditLog"`)).rejects.toThrow(/append-only/);
  });

  it('keeps secrets out of the recorded variables', () => {
    expect(redactVariables({ input: { email: 'a@b.example', password: 'hunter2-hunter2', nested: [{ refreshToken: 'x' }] } })).toEqual({
      input: { email: 'a@b.example', password: '[redacted]', nested: [{ refreshToken: '[redacted]' }] },
    });
  });
});
