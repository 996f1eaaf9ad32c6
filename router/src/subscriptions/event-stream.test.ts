import { describe, expect, it } from 'vitest';
import { eventStream } from './event-stream';

/** A hand-driven event source: emit() delivers to the stream's listener. */
function source() {
  let listener: ((event: number) => void) | undefined;
  let listening = 0;
  return {
    listen: async (onEvent: (event: number) => void) => {
      listener = onEvent;
      listening += 1;
      return async () => {
        listening -= 1;
        listener = undefined;
      };
    },
    emit: (event: number) => listener?.(event),
    listening: () => listening,
  };
}

describe('eventStream', () => {
  it('yields one run result per event, in order', async () => {
    const events = source();
    const stream = eventStream({ listen: events.listen, run: async (event: number) => event * 10 });
    const first = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    events.emit(1);
    expect(await first).toEqual({ value: 10, done: false });
    events.emit(2);
    expect(await stream.next()).toEqual({ value: 20, done: false });
  });

  it('collapses events that arrive during a run into one more run with the latest', async () => {
    const events = source();
    const runs: number[] = [];
    let release: () => void = () => {};
    const stream = eventStream({
      listen: events.listen,
      run: async (event: number) => {
        runs.push(event);
        if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return event;
      },
    });
    const first = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    events.emit(1);
    events.emit(2);
    events.emit(3);
    release();
    expect(await first).toEqual({ value: 1, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
    expect(runs).toEqual([1, 3]);
  });

  it('stops listening when the consumer returns, and ends pending reads', async () => {
    const events = source();
    const stream = eventStream({ listen: events.listen, run: async (event: number) => event });
    const pending = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.listening()).toBe(1);
    await stream.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(events.listening()).toBe(0);
    events.emit(5);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
