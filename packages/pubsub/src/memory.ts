import { ListenerRegistry } from './types';
import type { Listener, PubSub } from './types';

/** In-process pub/sub: for everything running in one process (the embedded default). */
export class MemoryPubSub implements PubSub {
  private readonly registry = new ListenerRegistry();

  async publish(topic: string, payload: unknown): Promise<void> {
    // Deliver on a later tick, like a network transport: publishers never run subscriber code.
    const copy = structuredClone(payload);
    setImmediate(() => this.registry.dispatch(topic, copy));
  }

  async subscribe(topic: string, listener: Listener): Promise<() => Promise<void>> {
    this.registry.add(topic, listener);
    return async () => {
      this.registry.remove(topic, listener);
    };
  }

  async close(): Promise<void> {}
}
