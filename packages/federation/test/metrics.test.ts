import { brandSubgraph } from '@gametriggers/subgraph-brand';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph);
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('GET /metrics on a subgraph server', () => {
  it('serves its registry (event metrics) and the process metrics in the Prometheus text format', async () => {
    const response = await fetch(subgraph.url.replace(/\/graphql$/, '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const name of [
      'gametriggers_events_outbox_pending gauge',
      'gametriggers_events_outbox_oldest_pending_age_seconds gauge',
      'gametriggers_events_published_total counter',
      'gametriggers_events_publish_failures_total counter',
      'gametriggers_events_handled_total counter',
      'gametriggers_events_retried_total counter',
      'gametriggers_events_dead_lettered_total counter',
      'gametriggers_events_queue_depth gauge',
      'process_cpu_user_seconds_total counter',
      'nodejs_eventloop_lag_seconds gauge',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
