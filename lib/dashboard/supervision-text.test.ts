import assert from "node:assert/strict";
import test from "node:test";
import type { Health } from "./models";
import { supervisionBadge } from "./supervision-text";

const at = (hms: string) => Date.parse(`2026-11-25T${hms}Z`);
type Server = NonNullable<Health["supervision"]>["servers"][number];
const server = (name: string, label: string, patch: Partial<Server> = {}): Server => ({
  name,
  label,
  state: "up",
  downSince: null,
  restarts: 0,
  lastError: null,
  lastRecoveryMs: null,
  ...patch,
});

test("nothing to say while every server is up, or when nobody reports", () => {
  assert.equal(supervisionBadge(null), null);
  assert.equal(supervisionBadge({ reporting: true, updatedAt: at("21:00:00"), servers: [server("kafka", "Kafka")] }), null);
});

test("the first server that is not up, since when, its restarts, and how many more", () => {
  const b = supervisionBadge({
    reporting: true,
    updatedAt: at("21:05:00"),
    servers: [
      server("postgres", "PostgreSQL"),
      server("kafka", "Kafka", { state: "restarting", downSince: at("21:03:07"), restarts: 2 }),
      server("trino", "Trino", { state: "down", downSince: at("21:03:09"), lastError: "port 18080 is in use" }),
    ],
  });
  assert.deepEqual(b, {
    tone: "down",
    text: "Kafka down since 21:03:07 UTC · 2 restarts (+1)",
    detail: "Kafka restarting since 21:03:07 UTC · 2 restarts\nTrino down since 21:03:09 UTC (port 18080 is in use)",
  });
});

test("a crash loop says so; a silent supervisor says nothing restarts", () => {
  const loop = supervisionBadge({
    reporting: true,
    updatedAt: at("21:05:00"),
    servers: [server("trino", "Trino", { state: "crash-loop", downSince: at("20:55:00"), restarts: 5 })],
  });
  assert.equal(loop?.text, "Trino crash loop since 20:55:00 UTC · 5 restarts");
  const stale = supervisionBadge({ reporting: false, updatedAt: at("20:50:00"), servers: [server("trino", "Trino")] });
  assert.deepEqual([stale?.tone, stale?.text], ["stale", "servers unsupervised since 20:50:00 UTC"]);
});
