/**
 * An async iterator of the results of `run(event)` for each event, for graphql-ws.
 * Events that arrive while a run is in flight collapse into one more run with the latest event:
 * a subscriber that falls behind gets the current state, not a backlog.
 */
export function eventStream<TEvent, TResult>(options: {
  listen: (onEvent: (event: TEvent) => void) => Promise<() => Promise<void>>;
  run: (event: TEvent) => Promise<TResult>;
}): AsyncIterableIterator<TResult> {
  const results: TResult[] = [];
  const waiting: ((result: IteratorResult<TResult>) => void)[] = [];
  let running = false;
  let latest: { event: TEvent } | undefined;
  let done = false;
  let stopListening: (() => Promise<void>) | undefined;

  const deliver = (result: TResult) => {
    const next = waiting.shift();
    if (next) next({ value: result, done: false });
    else results.push(result);
  };

  const drain = async () => {
    running = true;
    while (latest && !done) {
      const { event } = latest;
      latest = undefined;
      deliver(await options.run(event));
    }
    running = false;
  };

  const listening = options
    .listen((event) => {
      if (done) return;
      latest = { event };
      if (!running) void drain();
    })
    .then((stop) => {
      stopListening = stop;
      if (done) void stop();
    });

  const finish = async (): Promise<IteratorResult<TResult>> => {
    done = true;
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    await listening;
    await stopListening?.();
    return { value: undefined, done: true };
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      await listening;
      const ready = results.shift();
      if (ready !== undefined) return { value: ready, done: false };
      if (done) return { value: undefined, done: true };
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    async throw(error) {
      await finish();
      throw error;
    },
  };
}
