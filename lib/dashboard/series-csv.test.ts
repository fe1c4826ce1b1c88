import assert from "node:assert/strict";
import { test } from "node:test";
import { toCsv } from "./csv";
import { PLATFORM_SERIES_CSV_COLUMNS, VIDEO_MINUTE_CSV_COLUMNS } from "./series-csv";

const T = Date.UTC(2026, 10, 24, 12, 0);
const counters = { impressions: 10, plays: 4, finishes: 3, likes: 1, shares: 0 };

test("the platform series: one row per bucket, times in UTC, an unknown completion left empty", () => {
  assert.equal(
    toCsv(PLATFORM_SERIES_CSV_COLUMNS, [
      { t: T, minutes: 1, ...counters, completionRate: 0.75 },
      { t: T + 60_000, minutes: 1, ...counters, plays: 0, finishes: 0, completionRate: null },
    ]),
    "Bucket start (UTC),Minutes,Impressions,Plays,Finishes,Likes,Shares,Completion\r\n" +
      "2026-11-24T12:00:00.000Z,1,10,4,3,1,0,0.75\r\n" +
      "2026-11-24T12:01:00.000Z,1,10,0,0,1,0,\r\n",
  );
});

test("a video's minutes with velocity and acceleration (a negative one is a number, not a formula)", () => {
  assert.equal(
    toCsv(VIDEO_MINUTE_CSV_COLUMNS, [{ t: T, ...counters, velocity: 2.5, acceleration: -0.125, completionRate: 0.75 }]),
    "Minute (UTC),Impressions,Plays,Finishes,Likes,Shares,Velocity (plays/min),Acceleration,Completion (15-min rolling)\r\n" +
      "2026-11-24T12:00:00.000Z,10,4,3,1,0,2.5,-0.125,0.75\r\n",
  );
});
