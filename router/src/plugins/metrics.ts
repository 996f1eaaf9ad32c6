import type { ApolloServerPlugin } from '@apollo/server';
import type { PubSub } from '@gametriggers/pubsub';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';

export interface RouterMetrics {
  /** Counts requests, their duration and their errors (by code). */
  plugin: ApolloServerPlugin;
  /** The pub/sub as seen by the subscriptions: counts the active ones. */
  countSubscriptions: (pubsub: PubSub) => PubSub;
  /** Counts a request or connection refused for its access token (401), or for unavailable keys (503). */
  countRefusal: (transport: 'http' | 'websocket', status: number) => void;
}

/**
 * The router's metrics, in its own registry: requests and their duration per operation type and
 * transport (`http`, or `websocket` for operations over graphql-ws and the query each subscription
 * runs per event), errors by code, active subscriptions.
 */
export function createRouterMetrics(registry: Registry): RouterMetrics {
  const registers = [registry];
  const requests = new Counter({
    name: 'gametriggers_router_requests_total',
    help: 'GraphQL operations executed, by operation type (query, mutation, subscription, unknown when it did not parse).',
    labelNames: ['operation_type', 'transport'],
    registers,
  });
  const duration = new Histogram({
    name: 'gametriggers_router_request_duration_seconds',
    help: 'Duration of GraphQL operations, from request to response.',
    labelNames: ['operation_type', 'transport'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({
    name: 'gametriggers_router_errors_total',
    help: 'GraphQL errors in responses, by extensions.code.',
    labelNames: ['code'],
    registers,
  });
  const active = new Gauge({
    name: 'gametriggers_router_active_subscriptions',
    help: 'Subscriptions currently listening for events.',
    registers,
  });
  // Present from the first scrape, at 0.
  active.set(0);
  const refusals = new Counter({
    name: 'gametriggers_router_access_token_refusals_total',
    help: 'Requests and WebSocket connections refused before any GraphQL ran: status 401 for the access token, 503 when identity keys were unavailable.',
    labelNames: ['transport', 'status'],
    registers,
  });

  const plugin: ApolloServerPlugin = {
    async requestDidStart(requestContext) {
      const started = performance.now();
      const transport = requestContext.request.http ? 'http' : 'websocket';
      return {
        async didEncounterErrors({ errors: encountered }) {
          for (const error of encountered) {
            const code = error.extensions?.['code'];
            errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
        async willSendResponse({ operation }) {
          const labels = { operation_type: operation?.operation ?? 'unknown', transport };
          requests.inc(labels);
          duration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };

  const countSubscriptions = (pubsub: PubSub): PubSub => ({
    publish: (topic, payload) => pubsub.publish(topic, payload),
    close: () => pubsub.close(),
    subscribe: async (topic, listener) => {
      const stop = await pubsub.subscribe(topic, listener);
      active.inc();
      let stopped = false;
      return async () => {
        if (!stopped) {
          stopped = true;
          active.dec();
        }
        await stop();
      };
    },
  });

  return {
    plugin,
    countSubscriptions,
    countRefusal: (transport, status) => refusals.inc({ transport, status: String(status) }),
  };
}
