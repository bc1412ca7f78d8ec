// A server stream that should stay open (the coach's inbox): reconnects after a failure, passing the last sequence
// it saw, so that nothing still held by the server is missed and nothing is shown twice.

export type StreamState = "connecting" | "open" | "retrying" | "closed";

export type WatchOptions<T> = {
  /**
   * Opens the stream after the given sequence (0n: everything still held); calls `opened` when the server answered
   * (its headers arrived), which may be long before the first item.
   */
  open: (after: bigint, signal: AbortSignal, opened: () => void) => AsyncIterable<T>;
  sequenceOf: (item: T) => bigint;
  onItem: (item: T) => void;
  onState: (state: StreamState, failure?: unknown) => void;
  /** Whether a failure is worth trying again (a refused or invalid watch is not). */
  retryable: (failure: unknown) => boolean;
  signal: AbortSignal;
  /** Waits between attempts, in milliseconds; the last one repeats. */
  delays?: number[];
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Watches until the signal aborts or a failure is not retryable. Resolves with the last sequence seen. */
export async function watchWithReconnect<T>(options: WatchOptions<T>): Promise<bigint> {
  const delays = options.delays ?? [1_000, 2_000, 5_000, 10_000, 30_000];
  const sleep = options.sleep ?? defaultSleep;
  let after = 0n;
  let attempt = 0;
  while (!options.signal.aborted) {
    options.onState(attempt === 0 ? "connecting" : "retrying");
    let announced = false;
    const opened = () => {
      if (!announced && !options.signal.aborted) {
        announced = true;
        attempt = 0;
        options.onState("open");
      }
    };
    try {
      for await (const item of options.open(after, options.signal, opened)) {
        opened();
        const sequence = options.sequenceOf(item);
        if (sequence > after) {
          after = sequence;
          options.onItem(item);
        }
        attempt = 0;
        if (options.signal.aborted) {
          break;
        }
      }
      // The server ended the stream (a silo stopped, say): open it again straight away.
      if (!announced) {
        attempt += 1;
      }
    } catch (failure) {
      if (options.signal.aborted) {
        break;
      }
      if (!options.retryable(failure)) {
        options.onState("closed", failure);
        return after;
      }
      options.onState("retrying", failure);
      attempt += 1;
    }
    if (attempt > 0 && !options.signal.aborted) {
      await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 30_000, options.signal);
    }
  }
  options.onState("closed");
  return after;
}
