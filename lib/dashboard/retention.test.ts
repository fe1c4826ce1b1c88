import assert from "node:assert/strict";
import { test } from "node:test";
import { distributionFromRows, groupRetentionRows, nextDate, type RetentionRow, retentionTile } from "./retention";

test("retention rows group into the platform series first, then categories by name, each with its range row", () => {
  const rows: RetentionRow[] = [
    { series: "platform", category: null, date: "2026-04-07", retention_d1: 1 / 3, viewers: 3 },
    { series: "platform", category: null, date: "2026-04-08", retention_d1: null, viewers: 2 },
    { series: "platform", category: null, date: null, retention_d1: 1 / 3, viewers: 3 },
    { series: "category", category: "Music", date: "2026-04-07", retention_d1: 0.5, viewers: 2 },
    { series: "category", category: "Music", date: null, retention_d1: 0.5, viewers: 2 },
    { series: "category", category: "Gaming", date: "2026-04-07", retention_d1: 0.25, viewers: 4 },
    { series: "category", category: "Gaming", date: null, retention_d1: 0.25, viewers: 4 },
  ];
  assert.deepEqual(groupRetentionRows(rows), [
    {
      kind: "platform",
      name: "Platform",
      days: [
        { date: "2026-04-07", retentionD1: 1 / 3, viewers: 3 },
        { date: "2026-04-08", retentionD1: null, viewers: 2 },
      ],
      range: { retentionD1: 1 / 3, viewers: 3 },
    },
    { kind: "category", name: "Gaming", days: [{ date: "2026-04-07", retentionD1: 0.25, viewers: 4 }], range: { retentionD1: 0.25, viewers: 4 } },
    { kind: "category", name: "Music", days: [{ date: "2026-04-07", retentionD1: 0.5, viewers: 2 }], range: { retentionD1: 0.5, viewers: 2 } },
  ]);
});

test("an empty range (the platform's grand-total row alone, all NULL) is no series at all", () => {
  assert.deepEqual(groupRetentionRows([{ series: "platform", category: null, date: null, retention_d1: null, viewers: null }]), []);
});

test("distribution rows become a full set of bins (absent bins are 0) and the two outlier lists in rank order", () => {
  const d = distributionFromRows(
    [
      { kind: "bin", k: 0, videos: 2, video_id: null, retention_d1: null, viewers: null },
      { kind: "bin", k: 9, videos: 1, video_id: null, retention_d1: null, viewers: null },
      { kind: "high", k: 1, videos: 1, video_id: "v9", retention_d1: 1, viewers: 12 },
      { kind: "low", k: 1, videos: 1, video_id: "v1", retention_d1: 0, viewers: 30 },
      { kind: "low", k: 2, videos: 1, video_id: "v2", retention_d1: 0.05, viewers: 20 },
    ],
    10,
    10,
  );
  assert.deepEqual(d, {
    counts: [2, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    minViewers: 10,
    videos: 3,
    lowest: [
      { videoId: "v1", retentionD1: 0, viewers: 30 },
      { videoId: "v2", retentionD1: 0.05, viewers: 20 },
    ],
    highest: [{ videoId: "v9", retentionD1: 1, viewers: 12 }],
  });
});

test("the retention tile shows the newest known day against the known day before it, and names a pending newer day", () => {
  const day = (date: string, retentionD1: number | null) => ({
    date,
    retentionD1,
    cohortViewers: 10,
    retainedViewers: retentionD1 === null ? null : retentionD1 * 10,
  });
  const t = retentionTile([day("2026-11-21", null), day("2026-11-20", 0.3), day("2026-11-19", 0.4)]);
  assert.deepEqual(t.latest, day("2026-11-20", 0.3));
  assert.deepEqual(t.previous, day("2026-11-19", 0.4));
  assert.deepEqual(t.pending, day("2026-11-21", null));
  assert.ok(Math.abs(t.changePoints! - -10) < 1e-9);
  assert.deepEqual(retentionTile([day("2026-11-21", null)]), { latest: null, previous: null, pending: day("2026-11-21", null), changePoints: null });
  assert.deepEqual(retentionTile([]), { latest: null, previous: null, pending: null, changePoints: null });
  assert.equal(nextDate("2026-12-31"), "2027-01-01");
});
