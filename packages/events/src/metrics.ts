import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';

/**
 * Event metrics. The relay and the transports only bump plain counters in process-wide state
 * (nothing on the hot path but an addition); the Prometheus metrics read that state when scraped,
 * so each server's own registry shows the series of its subgraph, labelled by producer (`subgraph`)
 * and `consumer`, even when nine subgraphs share one process and one transport. Gauges that need
 * a query (outbox lag, queue depth) run it at scrape time, once per producer / consumer.
 */

export interface OutboxLag {
  pending: number;
  /** Age of the oldest unpublished event, in seconds; 0 when nothing is pending. */
  oldestAgeSeconds: number;
}

export interface ProducerStats {
  published: number;
  publishFailures: number;
  /** Set by the running relay: reads its outbox's lag (scrape time only). */
  lag?: (() => Promise<OutboxLag>) | undefined;
}

export type QueueName = 'main' | 'retry' | 'dead';

export interface ConsumerStats {
  handled: number;
  retried: number;
  deadLettered: number;
  /** Set by the transport while the consumer runs: messages waiting per queue (scrape time only). */
  depth?: (() => Promise<Partial<Record<QueueName, number>>>) | undefined;
}

interface EventStats {
  producers: Map<string, ProducerStats>;
  consumers: Map<string, ConsumerStats>;
}

// One state per process, even if this module were loaded twice (tsx and vitest can do that).
const STATE = Symbol.for('gametriggers.events.metrics');
const globals = globalThis as { [STATE]?: EventStats };
const stats: EventStats = (globals[STATE] ??= { producers: new Map(), consumers: new Map() });

/** The counters of a producing subgraph (its relay). */
export function producerStats(subgraph: string): ProducerStats {
  let entry = stats.producers.get(subgraph);
  if (!entry) {
    entry = { published: 0, publishFailures: 0 };
    stats.producers.set(subgraph, entry);
  }
  return entry;
}

/** The counters of a consumer (its queue). */
export function consumerStats(consumer: string): ConsumerStats {
  let entry = stats.consumers.get(consumer);
  if (!entry) {
    entry = { handled: 0, retried: 0, deadLettered: 0 };
    stats.consumers.set(consumer, entry);
  }
  return entry;
}

/** A scrape must not hang on a broker or database that does not answer. */
const SCRAPE_TIMEOUT_MS = 2000;

async function withTimeout<T>(work: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return undefined; // a scrape shows what it can; the logs tell why a gauge is missing
  } finally {
    clearTimeout(timer);
  }
}

export interface EventMetricsFilter {
  /** Only this producer's and consumer's series (a subgraph's server); default: every one in the process. */
  subgraph?: string;
}

/** Registers the event metrics into a (per-server) registry. */
export function registerEventMetrics(registry: Registry, filter: EventMetricsFilter = {}): void {
  const producers = () => [...stats.producers].filter(([name]) => !filter.subgraph || name === filter.subgraph);
  const consumers = () => [...stats.consumers].filter(([name]) => !filter.subgraph || name === filter.subgraph);
  const registers = [registry];

  const lags = async () =>
    Promise.all(producers().map(async ([subgraph, entry]) => ({ subgraph, lag: entry.lag && (await withTimeout(entry.lag)) })));

  new Gauge({
    name: 'gametriggers_events_outbox_pending',
    help: 'Events in the outbox not yet published (confirmed by the broker).',
    labelNames: ['subgraph'],
    registers,
    async collect() {
      this.reset();
      for (const { subgraph, lag } of await lags()) if (lag) this.set({ subgraph }, lag.pending);
    },
  });
  new Gauge({
    name: 'gametriggers_events_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest unpublished outbox event (0 when none is pending).',
    labelNames: ['subgraph'],
    registers,
    async collect() {
      this.reset();
      for (const { subgraph, lag } of await lags()) if (lag) this.set({ subgraph }, lag.oldestAgeSeconds);
    },
  });

  const counter = <TEntry>(
    name: string,
    help: string,
    label: string,
    entries: () => [string, TEntry][],
    value: (entry: TEntry) => number,
  ) =>
    new Counter({
      name,
      help,
      labelNames: [label],
      registers,
      collect() {
        this.reset();
        for (const [key, entry] of entries()) this.inc({ [label]: key }, value(entry));
      },
    });
  counter(
    'gametriggers_events_published_total',
    'Outbox events published (broker-confirmed).',
    'subgraph',
    producers,
    (entry) => entry.published,
  );
  counter(
    'gametriggers_events_publish_failures_total',
    'Failed publish attempts of an outbox batch (retried by the relay).',
    'subgraph',
    producers,
    (entry) => entry.publishFailures,
  );
  counter('gametriggers_events_handled_total', 'Events handled and acknowledged.', 'consumer', consumers, (entry) => entry.handled);
  counter(
    'gametriggers_events_retried_total',
    'Failed deliveries put back for a delayed retry.',
    'consumer',
    consumers,
    (entry) => entry.retried,
  );
  counter(
    'gametriggers_events_dead_lettered_total',
    'Events moved to the dead letters (permanent error or attempts exhausted).',
    'consumer',
    consumers,
    (entry) => entry.deadLettered,
  );

  new Gauge({
    name: 'gametriggers_events_queue_depth',
    help: 'Messages waiting in a consumer queue (main: ready, retry: delayed, dead: dead letters).',
    labelNames: ['consumer', 'queue'],
    registers,
    async collect() {
      this.reset();
      const depths = await Promise.all(
        consumers().map(async ([consumer, entry]) => ({ consumer, depth: entry.depth && (await withTimeout(entry.depth)) })),
      );
      for (const { consumer, depth } of depths) {
        for (const [queue, count] of Object.entries(depth ?? {})) this.set({ consumer, queue }, count);
      }
    },
  });
}
