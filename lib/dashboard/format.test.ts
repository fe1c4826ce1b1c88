import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { change, fmt1, fmt2, fmtAge, fmtBehind, fmtChange, fmtDateTime, fmtDuration, fmtInt, fmtPct, fmtTime, zoneLabel } from "./format";

const MIN = 60_000;

describe("fmtBehind", () => {
  const now = Date.UTC(2026, 10, 24, 12, 0, 30);

  test("minutes behind the start of the current minute", () => {
    assert.equal(fmtBehind(now, now), "up to date");
    assert.equal(fmtBehind(now - 0 * MIN, now), "up to date");
    assert.equal(fmtBehind(now - 1 * MIN, now), "1 min behind");
    assert.equal(fmtBehind(now - 59 * MIN, now), "59 min behind");
    assert.equal(fmtBehind(now - 60 * MIN, now), "1 h 0 min behind");
    assert.equal(fmtBehind(now - 61 * MIN, now), "1 h 1 min behind");
    assert.equal(fmtBehind(now - (47 * 60 + 59) * MIN, now), "47 h 59 min behind");
    assert.equal(fmtBehind(now - 48 * 60 * MIN, now), "2 days behind");
    assert.equal(fmtBehind(now - 3 * 1440 * MIN, now), "3 days behind");
    assert.equal(fmtBehind(now - (3 * 1440 + 1439) * MIN, now), "3 days behind");
  });

  test("counts minute boundaries, not elapsed milliseconds", () => {
    // One second apart but in different minutes.
    assert.equal(fmtBehind(Date.UTC(2026, 10, 24, 11, 59, 59), Date.UTC(2026, 10, 24, 12, 0, 0)), "1 min behind");
    // 59 seconds apart in the same minute.
    assert.equal(fmtBehind(Date.UTC(2026, 10, 24, 12, 0, 0), Date.UTC(2026, 10, 24, 12, 0, 59)), "up to date");
  });

  test("a watermark ahead of now is up to date", () => {
    assert.equal(fmtBehind(now + 5 * MIN, now), "up to date");
  });
});

describe("change / fmtChange", () => {
  test("relative change, null when there is nothing to compare with", () => {
    assert.equal(change(110, 100), 0.1);
    assert.equal(change(90, 100), -0.1);
    assert.equal(change(0, 100), -1);
    assert.equal(change(100, 100), 0);
    assert.equal(change(300, 100), 2);
    assert.equal(change(1, 0), null);
    assert.equal(change(0, 0), null);
    assert.equal(change(null, 5), null);
    assert.equal(change(5, null), null);
    assert.equal(change(null, null), null);
  });

  test("fmtChange strings", () => {
    assert.equal(fmtChange(0.123), "+12.3% vs 24 h earlier");
    assert.equal(fmtChange(-0.05), "\u22125.0% vs 24 h earlier");
    assert.equal(fmtChange(0), "±0.0% vs 24 h earlier");
    assert.equal(fmtChange(2), "+200.0% vs 24 h earlier");
    assert.equal(fmtChange(-1), "\u2212100.0% vs 24 h earlier");
    assert.equal(fmtChange(15), "+1,500.0% vs 24 h earlier");
    assert.equal(fmtChange(null), "no data a day earlier");
    assert.equal(fmtChange(change(110, 100)), "+10.0% vs 24 h earlier");
    assert.equal(fmtChange(change(1, 0)), "no data a day earlier");
  });
});

describe("number formats", () => {
  test("fmtPct", () => {
    assert.equal(fmtPct(0.1234), "12.3%");
    assert.equal(fmtPct(0.5), "50.0%");
    assert.equal(fmtPct(1), "100.0%");
    assert.equal(fmtPct(0), "0.0%");
    assert.equal(fmtPct(0.99999), "100.0%");
    assert.equal(fmtPct(null), "—");
  });

  test("fmtInt, fmt1, fmt2", () => {
    assert.equal(fmtInt(1234.5), "1,235");
    assert.equal(fmtInt(1_234_567), "1,234,567");
    assert.equal(fmtInt(0.4), "0");
    assert.equal(fmt1(3), "3.0");
    assert.equal(fmt1(1234.56), "1,234.6");
    assert.equal(fmt2(3), "3.00");
    assert.equal(fmt2(0.125), "0.13");
  });

  test("fmtAge and fmtDuration", () => {
    assert.equal(fmtAge(0.5), "30 min");
    assert.equal(fmtAge(1), "1.0 h");
    assert.equal(fmtAge(47), "47.0 h");
    assert.equal(fmtAge(48), "2.0 d");
    assert.equal(fmtAge(60), "2.5 d");
    assert.equal(fmtDuration(null), "—");
    assert.equal(fmtDuration(1_499), "1 s");
    assert.equal(fmtDuration(59_499), "59 s");
    assert.equal(fmtDuration(59_500), "1 min 0 s");
    assert.equal(fmtDuration(125_000), "2 min 5 s");
  });
});

describe("times in a zone", () => {
  // 2026-11-24T14:05:30Z
  const t = Date.UTC(2026, 10, 24, 14, 5, 30);

  test("fmtTime in UTC and Asia/Kolkata", () => {
    assert.equal(fmtTime(t, "UTC"), "14:05");
    assert.equal(fmtTime(t, "Asia/Kolkata"), "19:35");
    assert.equal(fmtTime(Date.UTC(2026, 10, 24, 0, 0), "UTC"), "00:00");
  });

  test("fmtDateTime in UTC and Asia/Kolkata", () => {
    assert.equal(fmtDateTime(t, "UTC"), "2026-11-24 14:05");
    assert.equal(fmtDateTime(t, "Asia/Kolkata"), "2026-11-24 19:35");
    // Kolkata is already on the next day.
    assert.equal(fmtDateTime(Date.UTC(2026, 10, 24, 20, 0), "Asia/Kolkata"), "2026-11-25 01:30");
    assert.equal(fmtDateTime(Date.UTC(2026, 10, 24, 0, 0), "UTC"), "2026-11-24 00:00");
  });

  test("zoneLabel", () => {
    assert.equal(zoneLabel("UTC"), "UTC");
    assert.equal(zoneLabel("Etc/UTC"), "UTC");
    assert.equal(zoneLabel("Asia/Kolkata", t), "GMT+5:30");
    assert.equal(zoneLabel("America/New_York", Date.UTC(2026, 0, 15)), "EST");
    assert.equal(zoneLabel("America/New_York", Date.UTC(2026, 6, 15)), "EDT");
  });
});
