/**
 * Pulse's operational store (schema pulse_ops in the test instance's PostgreSQL): sql/ops applies
 * in order into an empty schema, a second run applies nothing, and the ledger matches the files.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { pgRows } from "../../tools/testing/pg-fixtures";
import { requireTestInstance, testInstance } from "../../tools/testing/trino-fixtures";
import { dbConfig } from "./connection";
import { loadOpsFiles, migrateOps } from "./migrate";

before(requireTestInstance);

const files = loadOpsFiles();

test("from an empty database the files apply in order, and a second run applies nothing", async () => {
  await pgRows("DROP SCHEMA IF EXISTS pulse_ops CASCADE");
  const first = await migrateOps(dbConfig(testInstance, "owner"));
  assert.deepEqual(
    first.applied,
    files.map((f) => f.name),
  );
  const second = await migrateOps(dbConfig(testInstance, "owner"));
  assert.deepEqual(second, { applied: [], skipped: files.length });
});

test("the ledger holds each sql/ops file once with its checksum", async () => {
  const ledger = await pgRows<{ file_name: string; checksum: string; applied_by: string }>(
    "SELECT file_name, checksum, applied_by FROM pulse_ops.schema_migrations ORDER BY file_name",
  );
  assert.deepEqual(
    ledger,
    files.map((f) => ({ file_name: f.name, checksum: f.checksum, applied_by: "pulse" })),
  );
});

test("annotations has its documented columns, accepts a platform-wide note, and refuses a span that ends before it starts or an unknown kind", async () => {
  const columns = await pgRows<{ column_name: string; data_type: string; is_nullable: string }>(
    `SELECT column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'pulse_ops' AND table_name = 'annotations' ORDER BY ordinal_position`,
  );
  assert.deepEqual(columns, [
    { column_name: "id", data_type: "bigint", is_nullable: "NO" },
    { column_name: "video_id", data_type: "text", is_nullable: "YES" },
    { column_name: "at", data_type: "timestamp with time zone", is_nullable: "NO" },
    { column_name: "text", data_type: "text", is_nullable: "NO" },
    { column_name: "author", data_type: "text", is_nullable: "NO" },
    { column_name: "created_at", data_type: "timestamp with time zone", is_nullable: "NO" },
    { column_name: "kind", data_type: "text", is_nullable: "NO" },
    { column_name: "ends_at", data_type: "timestamp with time zone", is_nullable: "YES" },
    { column_name: "source", data_type: "text", is_nullable: "NO" },
  ]);
  const [row] = await pgRows<{ id: string; video_id: null; at: Date }>(
    "INSERT INTO pulse_ops.annotations (at, text, author) VALUES ($1, 'deploy 42', 'ops') RETURNING id, video_id, at",
    ["2026-11-24T10:00:00Z"],
  );
  assert.equal(row!.video_id, null);
  assert.equal(row!.at.toISOString(), "2026-11-24T10:00:00.000Z");
  await assert.rejects(pgRows("INSERT INTO pulse_ops.annotations (at, text, author) VALUES (now(), '', 'ops')"), /annotations_text_check/);
  await assert.rejects(
    pgRows("INSERT INTO pulse_ops.annotations (at, ends_at, text, author) VALUES (now(), now() - interval '1 minute', 'x', 'ops')"),
    /annotations_check/,
  );
  await assert.rejects(pgRows("INSERT INTO pulse_ops.annotations (kind, at, text, author) VALUES ('party', now(), 'x', 'ops')"), /annotations_kind_check/);
  await pgRows("DELETE FROM pulse_ops.annotations WHERE id = $1", [row!.id]);
});
