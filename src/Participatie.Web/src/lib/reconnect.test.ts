import { describe, expect, it } from "vitest";
import { watchWithReconnect, type StreamState } from "./reconnect";

type Item = { sequence: bigint; text: string };

/** A stream that yields the given items after `after`, then fails or ends. */
function stream(items: Item[], after: bigint, ending: "fail" | "end" | "hang", signal: AbortSignal): AsyncIterable<Item> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const item of items.filter((i) => i.sequence > after)) {
        yield item;
      }
      if (ending === "fail") {
        throw new Error("connection lost");
      }
      if (ending === "hang") {
        await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve())));
      }
    },
  };
}

describe("watchWithReconnect", () => {
  it("reconnects after a failure from the last sequence seen and shows nothing twice", async () => {
    const held: Item[] = [1n, 2n, 3n].map((sequence) => ({ sequence, text: `item ${sequence}` }));
    const opened: bigint[] = [];
    const seen: bigint[] = [];
    const controller = new AbortController();
    await watchWithReconnect<Item>({
      open: (after, signal) => {
        opened.push(after);
        if (opened.length === 1) {
          return stream(held.slice(0, 2), after, "fail", signal);
        }
        if (opened.length === 2) {
          // The server still holds everything: the client must skip what it saw.
          return stream([...held, { sequence: 4n, text: "new" }], 0n, "end", signal);
        }
        controller.abort();
        return stream([], after, "end", signal);
      },
      sequenceOf: (item) => item.sequence,
      onItem: (item) => seen.push(item.sequence),
      onState: () => {},
      retryable: () => true,
      signal: controller.signal,
      sleep: async () => {},
    });
    expect(opened).toEqual([0n, 2n, 4n]);
    expect(seen).toEqual([1n, 2n, 3n, 4n]);
  });

  it("is open as soon as the server answers, before any item", async () => {
    const controller = new AbortController();
    const states: StreamState[] = [];
    await watchWithReconnect<Item>({
      open: (after, signal, opened) => {
        opened();
        return stream([], after, "hang", signal);
      },
      sequenceOf: (item) => item.sequence,
      onItem: () => {},
      onState: (state) => {
        states.push(state);
        if (state === "open") {
          controller.abort();
        }
      },
      retryable: () => true,
      signal: controller.signal,
    });
    expect(states).toEqual(["connecting", "open", "closed"]);
  });

  it("stops and says why when the watch is refused", async () => {
    const states: StreamState[] = [];
    let failure: unknown;
    const refused = new Error("permission denied");
    const last = await watchWithReconnect<Item>({
      open: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(refused) }),
      }),
      sequenceOf: (item) => item.sequence,
      onItem: () => {},
      onState: (state, why) => {
        states.push(state);
        failure = why ?? failure;
      },
      retryable: () => false,
      signal: new AbortController().signal,
      sleep: async () => {},
    });
    expect(last).toBe(0n);
    expect(states).toEqual(["connecting", "closed"]);
    expect(failure).toBe(refused);
  });

  it("waits longer after each failed attempt", async () => {
    const waits: number[] = [];
    const controller = new AbortController();
    let attempts = 0;
    await watchWithReconnect<Item>({
      open: (after, signal) => {
        attempts += 1;
        if (attempts === 4) {
          controller.abort();
        }
        return stream([], after, "fail", signal);
      },
      sequenceOf: (item) => item.sequence,
      onItem: () => {},
      onState: () => {},
      retryable: () => true,
      signal: controller.signal,
      delays: [10, 20, 50],
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([10, 20, 50]);
  });

  it("ends when the screen closes", async () => {
    const controller = new AbortController();
    const states: StreamState[] = [];
    const watching = watchWithReconnect<Item>({
      open: (after, signal) => stream([{ sequence: 1n, text: "a" }], after, "hang", signal),
      sequenceOf: (item) => item.sequence,
      onItem: () => controller.abort(),
      onState: (state) => states.push(state),
      retryable: () => true,
      signal: controller.signal,
    });
    expect(await watching).toBe(1n);
    expect(states.at(-1)).toBe("closed");
  });
});
