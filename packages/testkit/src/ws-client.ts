import { createClient } from 'graphql-ws';
import type { Client, FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult<TData> = FormattedExecutionResult<TData, unknown>;
import WebSocket from 'ws';

export interface TestSubscription<TData> {
  /** The next result, or a rejection after `timeoutMs`. */
  next: (timeoutMs?: number) => Promise<ExecutionResult<TData>>;
  /** Results received so far and not yet taken by next(). */
  pending: () => ExecutionResult<TData>[];
  close: () => Promise<void>;
}

/**
 * A graphql-ws client connection, as a dashboard would open one (an access token goes in
 * `connectionParams.authorization` as `Bearer <token>`). A refused connection shows as its
 * `closed` event and as subscribe() failing, not on the console.
 */
export function connectWs(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
}

/**
 * Subscribes and resolves once the server has acknowledged the connection (graphql-ws sends the
 * subscribe message right after), so events published afterwards are not missed.
 */
export async function subscribe<TData = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<TestSubscription<TData>> {
  const results: ExecutionResult<TData>[] = [];
  const waiters: { resolve: (result: ExecutionResult<TData>) => void; reject: (error: Error) => void }[] = [];
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
    client.on('closed', (event) => reject(new Error(`connection closed: ${JSON.stringify(event)}`)));
    setTimeout(() => reject(new Error('no connection ack within 5 s')), 5000);
  }).catch((error) => {
    failure = error;
  });
  if (failure) throw failure;
  const dispose = client.subscribe<TData>(
    { query, variables },
    {
      next: (result) => {
        const waiter = waiters.shift();
        if (waiter) waiter.resolve(result);
        else results.push(result);
      },
      error: (error) => {
        failure = error;
        const reason = error instanceof Error ? error : new Error(JSON.stringify(error));
        for (const waiter of waiters.splice(0)) waiter.reject(reason);
      },
      complete: () => {},
    },
  );
  // The subscribe message is on the wire; give the router a moment to register the listener.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return {
    next: (timeoutMs = 5000) => {
      const ready = results.shift();
      if (ready) return Promise.resolve(ready);
      if (failure) return Promise.reject(failure instanceof Error ? failure : new Error(JSON.stringify(failure)));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          resolve: (result) => {
            clearTimeout(timer);
            resolve(result);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    pending: () => [...results],
    close: async () => {
      dispose();
    },
  };
}
