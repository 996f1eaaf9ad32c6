export type Listener = (payload: unknown) => void;

/** Fire-and-forget live events for subscriptions. Not for anything that must not be lost. */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is active; the returned function ends it. */
  subscribe(topic: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Keeps listeners per topic and tells the transport when a topic gains its first or loses its last one. */
export class ListenerRegistry {
  private readonly listeners = new Map<string, Set<Listener>>();

  /** Returns true when `topic` had no listener before. */
  add(topic: string, listener: Listener): boolean {
    const set = this.listeners.get(topic);
    if (set) {
      set.add(listener);
      return false;
    }
    this.listeners.set(topic, new Set([listener]));
    return true;
  }

  /** Returns true when `topic` has no listener left. */
  remove(topic: string, listener: Listener): boolean {
    const set = this.listeners.get(topic);
    if (!set) return false;
    set.delete(listener);
    if (set.size) return false;
    this.listeners.delete(topic);
    return true;
  }

  dispatch(topic: string, payload: unknown): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(payload);
  }

  topics(): string[] {
    return [...this.listeners.keys()];
  }
}
