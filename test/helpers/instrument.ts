/**
 * Counts what an Excel host double is asked, request by request, the way Office.js batches it:
 * every method call and property write queued before a sync is one action of that request
 * (its size: the JSON of name and arguments); every value read back is response (its JSON).
 * Sizes are UTF-8 bytes, as the 5 MB limit counts them: a Chinese character is 3 bytes.
 * Wraps any context (office-addin-mock or the Book double) without changing what it does.
 */
export interface RequestStats {
  /** context.sync calls. */
  requests: number;
  /** Bytes of actions sent, all requests. */
  sent: number;
  /** Bytes of values read back, all requests. */
  received: number;
  /** The largest single request, sent plus received. */
  largest: number;
}

const json = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null), "utf8");
const isData = (v: unknown): boolean =>
  v === null || typeof v !== "object" || (Array.isArray(v) && v.every((x) => isData(x)));

export function instrument<C extends object>(
  context: C
): { context: C; stats: RequestStats; request: (bytes: number) => void } {
  const stats: RequestStats = { requests: 0, sent: 0, received: 0, largest: 0 };
  /** The request being queued, and the one whose answer is being read. */
  let queued = 0;
  let answered = { sent: 0, received: 0 };
  let read = new WeakMap<object, Set<PropertyKey>>();
  const proxies = new WeakMap<object, object>();
  const send = (bytes: number) => {
    stats.sent += bytes;
    queued += bytes;
  };
  const receive = (bytes: number) => {
    stats.received += bytes;
    answered.received += bytes;
    stats.largest = Math.max(stats.largest, answered.sent + answered.received);
  };

  function wrap<T>(value: T): T {
    if (value === null || typeof value !== "object") return value;
    const target = value as object;
    if (!proxies.has(target))
      proxies.set(
        target,
        new Proxy(target, {
          get(t, prop) {
            const v = Reflect.get(t, prop, t);
            if (typeof prop === "symbol") return v;
            if (typeof v === "function") {
              if (prop === "sync" && t === context) return sync;
              return (...args: unknown[]) => {
                send(json({ call: prop, args: args.filter((a) => typeof a !== "function") }));
                return wrap(v.apply(t, args));
              };
            }
            if (isData(v)) {
              // A loaded value travels once per request however often the code reads it.
              const seen = read.get(t) ?? new Set();
              if (!seen.has(prop)) receive(json(v));
              seen.add(prop);
              read.set(t, seen);
              return v;
            }
            return Array.isArray(v) ? v.map(wrap) : wrap(v);
          },
          set(t, prop, v) {
            send(json({ set: prop, value: v }));
            return Reflect.set(t, prop, v, t);
          },
        })
      );
    return proxies.get(target) as T;
  }

  const original = (context as { sync: () => Promise<void> }).sync.bind(context);
  async function sync() {
    await original();
    stats.requests++;
    answered = { sent: queued, received: 0 };
    stats.largest = Math.max(stats.largest, queued);
    queued = 0;
    read = new WeakMap();
  }
  /** A request outside the batch API (saving document settings), of the given size. */
  const request = (bytes: number) => {
    stats.requests++;
    stats.sent += bytes;
    stats.largest = Math.max(stats.largest, bytes);
  };
  return { context: wrap(context), stats, request };
}
