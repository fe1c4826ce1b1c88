/**
 * Whether Trino answered the dashboard's last call: every statement the server runs reports here
 * (fetchRows, the health check). The live paths answer from memory without asking Trino, so they
 * read this to be honest: while the newest call failed, what they show is marked stale with that
 * failure, as a cached result would be. Kept on globalThis: Next bundles one copy of this module per
 * server layer, and all must see the same state. No "server-only": unit-testable.
 */
interface State {
  failedAt?: number;
  error?: unknown;
  okAt?: number;
}

const key = Symbol.for("pulse.dashboard.trinoState");
type Holder = { [key]?: State };
const state = (): State => {
  const holder = globalThis as Holder;
  holder[key] ??= {};
  return holder[key];
};

export function recordTrinoCall(error?: unknown, now = Date.now()): void {
  const s = state();
  if (error === undefined) s.okAt = now;
  else {
    s.failedAt = now;
    s.error = error;
  }
}

/** The failure of the newest call, when it failed more recently than any call succeeded. */
export function trinoFailure(): unknown {
  const s = state();
  if (s.failedAt === undefined) return undefined;
  return s.okAt !== undefined && s.okAt > s.failedAt ? undefined : s.error;
}
