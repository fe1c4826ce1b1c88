import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { decimal, onlyRow, parseRows, RowShapeError } from "./typed-rows";

/** A row shape like the trending statement's: numbers, a nullable string, a DECIMAL. */
const Row = z.object({
  video_id: z.string(),
  category: z.string().nullable(),
  velocity_score: z.number(),
  age_hours: decimal.nullable(),
  watermark_ms: z.number(),
});

/** What Trino's JSON answer looks like once trino-client has turned it into objects. */
const good = { video_id: "v_1", category: null, velocity_score: 4.2, age_hours: "48.5", watermark_ms: 1_764_000_000_000, extra: "ignored" };

describe("parseRows", () => {
  test("a good row maps to exact values; DECIMAL strings become numbers; unnamed columns are dropped", () => {
    assert.deepEqual(parseRows("pulse_trending", Row, [good, { ...good, video_id: "v_2", category: "Gaming", age_hours: null }]), [
      { video_id: "v_1", category: null, velocity_score: 4.2, age_hours: 48.5, watermark_ms: 1_764_000_000_000 },
      { video_id: "v_2", category: "Gaming", velocity_score: 4.2, age_hours: null, watermark_ms: 1_764_000_000_000 },
    ]);
  });

  test("no rows is no rows", () => {
    assert.deepEqual(parseRows("pulse_trending", Row, []), []);
  });

  test("a missing column names the statement and the column", () => {
    const { watermark_ms: _, ...missing } = good;
    assert.throws(() => parseRows("rt_watermark", Row, [good, missing]), {
      name: "RowShapeError",
      message: "rt_watermark: column watermark_ms: expected number, received undefined",
    });
  });

  test("a renamed column reads as the declared one missing", () => {
    const { velocity_score, ...rest } = good;
    assert.throws(() => parseRows("pulse_trending", Row, [{ ...rest, velocity: velocity_score }]), {
      message: "pulse_trending: column velocity_score: expected number, received undefined",
    });
  });

  test("a wrong type names the column and what arrived", () => {
    assert.throws(() => parseRows("pulse_trending", Row, [{ ...good, velocity_score: "4.2" }]), {
      message: "pulse_trending: column velocity_score: expected number, received string",
    });
    assert.throws(() => parseRows("pulse_trending", Row, [{ ...good, video_id: null }]), {
      message: "pulse_trending: column video_id: expected string, received null",
    });
    assert.throws(() => parseRows("pulse_trending", Row, [{ ...good, velocity_score: Number.NaN }]), {
      message: "pulse_trending: column velocity_score: expected number, received NaN",
    });
  });

  test("a DECIMAL column refuses a number and a non-decimal string", () => {
    assert.throws(() => parseRows("pulse_trending", Row, [{ ...good, age_hours: 48.5 }]), {
      message: "pulse_trending: column age_hours: expected string, received number",
    });
    assert.throws(() => parseRows("pulse_trending", Row, [{ ...good, age_hours: "48h" }]), {
      message: "pulse_trending: column age_hours: expected a decimal string",
    });
  });

  test("a row that is not an object is named as the row", () => {
    assert.throws(() => parseRows("rt_watermark", Row, [null]), { message: "rt_watermark: row: expected object, received null" });
  });
});

describe("onlyRow", () => {
  test("the one row of a one-row statement", () => {
    assert.deepEqual(onlyRow("rt_watermark", [{ watermark_ms: 1 }]), { watermark_ms: 1 });
  });

  test("zero or two rows are refused, naming the statement", () => {
    assert.throws(
      () => onlyRow("rt_watermark", []),
      (err: unknown) => {
        assert.ok(err instanceof RowShapeError);
        assert.equal(err.message, "rt_watermark: expected exactly one row, received 0");
        return true;
      },
    );
    assert.throws(() => onlyRow("pulse_kpis", [{}, {}]), { message: "pulse_kpis: expected exactly one row, received 2" });
  });
});
