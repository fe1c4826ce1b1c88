/**
 * Dims CDC on the real Trino. Fixture (T0 = 2026-11-20 00:00 UTC):
 *   video V1 created at T0 as Gaming, re-categorised to Comedy at T0+12h, banned at T0+20h;
 *   user U1 joins at T0 as Low, becomes High at T0+6h, VIP at T0+18h (the last two in one batch).
 */
import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import { q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { applyUserChanges, applyVideoChanges, type UserChange, type VideoChange } from "./cdc";

const T0 = Date.UTC(2026, 10, 20);
const H = 3_600_000;
const writer = () => connectionFor(testInstance, "writer");
const video = (category: string, status: string, changedMs: number): VideoChange => ({
  video_id: "V1",
  creator_id: "U9",
  category,
  hashtags: ["#a", "#b"],
  duration_ms: 30_000,
  upload_ms: T0,
  status,
  changed_ms: changedMs,
});
const user = (segment: string, changedMs: number): UserChange => ({
  user_id: "U1",
  register_country: "BR",
  device_os: "Android",
  is_creator: false,
  ltv_segment: segment,
  join_ms: T0,
  changed_ms: changedMs,
});

const videoHistory = () =>
  rows<{ category: string; status: string; from_h: number; to_h: number | null }>(
    "admin",
    `SELECT category, status, (to_unixtime(valid_from) * 1000 - :t0) / 3600000 AS from_h, (to_unixtime(valid_to) * 1000 - :t0) / 3600000 AS to_h
     FROM lakehouse.dims.dim_videos_history WHERE video_id = 'V1' ORDER BY valid_from`,
    { t0: T0 },
  );

before(requireTestInstance);
beforeEach(async () => {
  for (const t of ["dim_videos", "dim_users", "dim_videos_history", "dim_users_history"]) await q("admin", `DELETE FROM lakehouse.dims.${t}`);
});

test("video changes: the current row follows the newest change, history keeps every version", async () => {
  await applyVideoChanges(writer(), [video("Gaming", "active", T0)]);
  await applyVideoChanges(writer(), [video("Comedy", "active", T0 + 12 * H)]);
  await applyVideoChanges(writer(), [video("Comedy", "banned", T0 + 20 * H)]);
  const [cur] = await rows<{ category: string; status: string; hashtags: string[]; h: number }>(
    "admin",
    "SELECT category, status, hashtags, (to_unixtime(updated_at) * 1000 - :t0) / 3600000 AS h FROM lakehouse.dims.dim_videos WHERE video_id = 'V1'",
    { t0: T0 },
  );
  assert.deepEqual(cur, { category: "Comedy", status: "banned", hashtags: ["#a", "#b"], h: 20 });
  assert.deepEqual(await videoHistory(), [
    { category: "Gaming", status: "active", from_h: 0, to_h: 12 },
    { category: "Comedy", status: "active", from_h: 12, to_h: 20 },
    { category: "Comedy", status: "banned", from_h: 20, to_h: null },
  ]);
});

test("a batch re-delivered, or an older change arriving late, changes nothing it should not", async () => {
  const batch = [video("Gaming", "active", T0), video("Comedy", "active", T0 + 12 * H)];
  await applyVideoChanges(writer(), batch);
  const once = await videoHistory();
  await applyVideoChanges(writer(), batch);
  assert.deepEqual(await videoHistory(), once);
  // An out-of-order old change does not move the current row back, and slots into the history.
  await applyVideoChanges(writer(), [video("Music", "active", T0 + 6 * H)]);
  const [cur] = await rows<{ category: string }>("admin", "SELECT category FROM lakehouse.dims.dim_videos WHERE video_id = 'V1'");
  assert.equal(cur!.category, "Comedy");
  assert.deepEqual(
    (await videoHistory()).map((v) => [v.category, v.from_h, v.to_h]),
    [
      ["Gaming", 0, 6],
      ["Music", 6, 12],
      ["Comedy", 12, null],
    ],
  );
});

test("user segment changes, two in one batch, resolve point in time", async () => {
  await applyUserChanges(writer(), [user("Low", T0)]);
  await applyUserChanges(writer(), [user("VIP", T0 + 18 * H), user("High", T0 + 6 * H)]);
  const [cur] = await rows<{ ltv_segment: string }>("admin", "SELECT ltv_segment FROM lakehouse.dims.dim_users WHERE user_id = 'U1'");
  assert.equal(cur!.ltv_segment, "VIP");
  const at = async (hours: number) => {
    const r = await rows<{ ltv_segment: string }>(
      "admin",
      `SELECT ltv_segment FROM lakehouse.dims.dim_users_history WHERE user_id = 'U1'
       AND valid_from <= from_unixtime(:t / 1e3) AND (valid_to IS NULL OR from_unixtime(:t / 1e3) < valid_to)`,
      { t: T0 + hours * H },
    );
    return r.map((x) => x.ltv_segment);
  };
  assert.deepEqual(await at(5.99), ["Low"]);
  assert.deepEqual(await at(6), ["High"]);
  assert.deepEqual(await at(17.5), ["High"]);
  assert.deepEqual(await at(30), ["VIP"]);
});
