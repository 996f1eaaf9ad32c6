import { demoIds } from '@gametriggers/prisma-tools';
import { connectWs, graphql, subscribe } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, ROLES, ROLE_ACCOUNTS } from './authorization-matrix.table';
import type { MatrixRow, Outcome, Role, Subjects } from './authorization-matrix.table';
import { signInAs } from './sign-in';
import { startStackFixture } from './stack-fixture';
import type { StackFixture } from './stack-fixture';

/**
 * One case per cell of the authorization matrix (authorization-matrix.table.ts), each run through
 * the router of one real stack with demo data, as a client signed in with identity's tokens. Besides
 * the outcome, every refused cell must show nothing of the value: the field is null, and neither its
 * data nor any error message contains a string of what an allowed viewer was shown (`secrets`).
 */

type Response = Awaited<ReturnType<typeof graphql>>;

let fixture: StackFixture;
let url: string;
const headers = {} as Record<Role, Record<string, string>>;
let subjects: Subjects;
/** The answer of one allowed viewer per row (the admin's when allowed): the values no refusal may show. */
const reference = new Map<MatrixRow, { role: Role; response: Response }>();
/** Cells already run (the reference ones, in beforeAll). */
const answered = new Map<string, Response>();

const cellKey = (row: MatrixRow, role: Role) => `${row.name}\u0000${role}`;

beforeAll(async () => {
  fixture = await startStackFixture();
  url = fixture.stack.routerUrl;
  headers.anonymous = {};
  await Promise.all(
    Object.entries(ROLE_ACCOUNTS).map(async ([role, account]) => {
      headers[role as Role] = await signInAs(url, account);
    }),
  );
  subjects = await lookUpSubjects();
  // The reference cells first (they hold the values refusals must not show), a few at a time.
  const rows = MATRIX;
  await inBatches(rows, 6, async (row) => {
    const role: Role = row.expect.admin === 'ALLOW' ? 'admin' : ROLES.find((candidate) => row.expect[candidate] === 'ALLOW')!;
    const response = await runCell(row, role);
    reference.set(row, { role, response });
    answered.set(cellKey(row, role), response);
  });
}, 180_000);

afterAll(async () => {
  await fixture?.stop();
});

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

/**
 * One request as `role`. The test machines' PostgreSQL is shared by every engineer's stacks and now
 * and then refuses connections ("too many clients already"), which a subgraph answers with
 * INTERNAL_SERVER_ERROR: such an answer is no verdict, so it is asked again, three times at most.
 */
async function request(role: Role, query: string, variables: Record<string, unknown>): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await graphql(url, query, variables, headers[role]);
    const internal = response.errors?.some((error) => error.extensions?.['code'] === 'INTERNAL_SERVER_ERROR');
    if (!internal || attempt === 3) return response;
    await new Promise((resolve) => setTimeout(resolve, 500 * 3 ** attempt));
  }
}

async function ask(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await request(role, query, variables);
  if (result.errors) throw new Error(`${query} as ${role}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** Ids the rows need that the demo seed does not fix, as the admin (and each role's own `me`). */
async function lookUpSubjects(): Promise<Subjects> {
  const { brands, streamers } = demoIds;
  const accountIds = Object.fromEntries(
    await Promise.all(Object.keys(ROLE_ACCOUNTS).map(async (role) => [role, (await ask(role as Role, '{ me { id } }'))['me'].id])),
  ) as Subjects['accountIds'];
  const sessions = (await ask('owningBrand', '{ mySessions { id current } }'))['mySessions'] as { id: string; current: boolean }[];
  const accounts = (await ask('admin', '{ accounts(first: 100, kind: BRAND) { nodes { id email } } }'))['accounts'].nodes as {
    id: string;
    email: string;
  }[];
  const wallets = await ask(
    'admin',
    `query($brand: ID!, $streamer: ID!) { brand(id: $brand) { wallet { id transactions(first: 1) { nodes { id } } } } streamer(id: $streamer) { wallet { id } } }`,
    { brand: brands.voltage, streamer: streamers.kiraplays },
  );
  const invoices = await ask('admin', 'query($id: ID) { invoices(first: 1, brandId: $id) { nodes { id } } }', { id: brands.voltage });
  const rules = await ask('admin', '{ conflictRules(first: 1) { nodes { id } } }');
  const draft = async () =>
    (
      await ask(
        'admin',
        `mutation($brandId: ID!) { createCampaign(input: { brandId: $brandId, name: "Matrix draft", description: "Moved by the matrix",
          schedule: { startsAt: "2027-06-01T00:00:00Z", endsAt: "2027-07-01T00:00:00Z" }, budget: { amount: "100", currency: "USD" },
          pricing: { model: CPC, rate: { amount: "0.50", currency: "USD" } } }) { id } }`,
        { brandId: brands.voltage },
      )
    )['createCampaign'].id as string;
  const paymentMethod = async () =>
    (
      await ask(
        'admin',
        'mutation($id: ID!) { addPaymentMethod(input: { owner: { ownerType: STREAMER, ownerId: $id }, kind: BANK, details: "DE89370400440532013042" }) { id } }',
        { id: streamers.kiraplays },
      )
    )['addPaymentMethod'].id as string;
  return {
    accountIds,
    voltageSessionId: sessions.find((session) => session.current)!.id,
    nordwindAccountId: accounts.find((account) => account.email === 'erik@nordwind.example')!.id,
    voltageWalletId: wallets['brand'].wallet.id,
    voltageTransactionId: wallets['brand'].wallet.transactions.nodes[0].id,
    kiraWalletId: wallets['streamer'].wallet.id,
    voltageInvoiceId: invoices['invoices'].nodes[0].id,
    conflictRuleId: rules['conflictRules'].nodes[0].id,
    draftForOwner: await draft(),
    draftForAdmin: await draft(),
    paymentMethodForOwner: await paymentMethod(),
    paymentMethodForAdmin: await paymentMethod(),
  };
}

function runCell(row: MatrixRow, role: Role): Promise<Response> {
  return request(role, row.query, row.variables?.(subjects, role) ?? {});
}

/** The values at a dotted path, looking through lists. */
function valuesAt(value: unknown, segments: string[]): unknown[] {
  if (!segments.length) return [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, segments));
  if (value === null || value === undefined || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[segments[0]!], segments.slice(1));
}

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

/** What a response says about the row's field: ALLOW, the refusal's code, or a description of anything else. */
function outcomeOf(row: MatrixRow, response: Response): string {
  const segments = row.path.split('.');
  // Errors on the field, on a field above it (a null parent), or below it; and request-wide ones.
  const related = (response.errors ?? []).filter((error) => {
    const path = (error.path ?? []).filter((segment): segment is string => typeof segment === 'string');
    const shorter = Math.min(path.length, segments.length);
    return path.slice(0, shorter).join('.') === segments.slice(0, shorter).join('.');
  });
  const codes = related.map((error) => String(error.extensions?.['code']));
  const hasValue = valuesAt(response.data, segments).some((value) => value !== null && value !== undefined);
  if (row.probe) {
    const refusal = codes.find((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN');
    if (refusal) return refusal;
    return hasValue || codes.length ? 'ALLOW' : 'no value and no error';
  }
  const refusal = codes.find((code) => AUTH_CODES.includes(code));
  if (refusal) return hasValue ? `${refusal}, but with a value` : refusal;
  if (codes.length) return `error ${codes.join(', ')}`;
  return hasValue ? 'ALLOW' : 'null without an error';
}

/** Strings an allowed viewer was shown under the row's path (long enough to be telling, not from the request itself). */
function secretsOf(row: MatrixRow, role: Role, response: Response): string[] {
  const request = JSON.stringify(row.variables?.(subjects, role) ?? {}) + row.query;
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  valuesAt(response.data, row.path.split('.')).forEach(collect);
  return [...new Set(strings)].filter((value) => value.length >= 6 && !request.includes(value));
}

const summary = (response: Response) => JSON.stringify(response).slice(0, 1500);

describe('authorization matrix, through the router', () => {
  for (const row of MATRIX) {
    describe.concurrent(`${row.name} (${row.subgraph})`, () => {
      for (const role of ROLES) {
        const expected: Outcome = row.expect[role];
        const title = `${role} → ${expected}`;
        it(title, async () => {
          const response = answered.get(cellKey(row, role)) ?? (await runCell(row, role));
          expect(outcomeOf(row, response), summary(response)).toBe(expected);
          if (expected === 'ALLOW') {
            row.check?.(response.data ?? {}, role);
            return;
          }
          // Refused: nothing of the value, in the data or in any message.
          const shown = reference.get(row)!;
          const serialized = JSON.stringify(response);
          for (const secret of secretsOf(row, shown.role, shown.response)) expect(serialized, `leaks "${secret}"`).not.toContain(secret);
          for (const error of response.errors ?? []) expect(error.message).not.toMatch(/stack|\.ts:|SELECT|prisma/i);
        });
      }
    });
  }
});

describe('no leaks beside the matrix', () => {
  it("pushes a campaign's live metrics to its brand; other subscribers get null with FORBIDDEN or UNAUTHENTICATED", async () => {
    const campaignId = demoIds.campaigns.voltageSummer;
    const query = 'subscription($id: ID!) { campaignMetricsUpdated(campaignId: $id) { impressions spend { amount } } }';
    const roles = ['owningBrand', 'otherBrand', 'owningStreamer', 'anonymous'] as const;
    const clients = roles.map((role) => connectWs(fixture.stack.wsUrl, headers[role]));
    try {
      const subscriptions = await Promise.all(clients.map((client) => subscribe(client, query, { id: campaignId })));
      const recorded = await graphql(
        url,
        `mutation($id: ID!, $key: String!) { recordDeliveryMetrics(input: { campaignId: $id, occurredAt: "${new Date().toISOString()}", impressions: 31,
          clicks: 1, viewMinutes: 90, conversions: 0, spend: { amount: "0.31", currency: "USD" }, idempotencyKey: $key }) { impressions } }`,
        { id: campaignId, key: `matrix-live-${process.pid}` },
        headers.admin,
      );
      expect(recorded.errors).toBeUndefined();
      const [owner, ...others] = await Promise.all(subscriptions.map((subscription) => subscription.next()));
      expect(owner!.errors).toBeUndefined();
      expect(owner!.data!['campaignMetricsUpdated'].impressions).toBeGreaterThan(0);
      const expected = ['FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'];
      others.forEach((event, index) => {
        expect(event.data?.['campaignMetricsUpdated'] ?? null).toBeNull();
        expect(event.errors?.map((error) => error.extensions?.['code'])).toEqual([expected[index]]);
        expect(JSON.stringify(event)).not.toContain(owner!.data!['campaignMetricsUpdated'].spend.amount);
      });
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it('a brand listing campaigns with their brands sees no other brand’s contact, billing, invoices or wallet', async () => {
    const response = await graphql(
      url,
      `
        {
          campaigns(first: 100) {
            nodes {
              id
              brand {
                id
                contact {
                  email
                }
                billing {
                  taxId
                }
                invoices {
                  nodes {
                    id
                  }
                }
                wallet {
                  id
                }
              }
              metrics {
                impressions
              }
            }
          }
        }
      `,
      {},
      headers.otherBrand,
    );
    const nodes = response.data!['campaigns'].nodes as { brand: Record<string, unknown> & { id: string }; metrics: unknown }[];
    expect(nodes.length).toBeGreaterThan(1);
    for (const node of nodes) {
      if (node.brand.id === demoIds.brands.pixelforge) continue;
      expect(node.brand).toMatchObject({ contact: null, billing: null, invoices: null, wallet: null });
      expect(node.metrics).toBeNull();
    }
    expect(JSON.stringify(response)).not.toMatch(/dana@voltage|erik@nordwind/);
  });
});
