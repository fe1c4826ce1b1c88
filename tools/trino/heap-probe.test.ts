import assert from "node:assert/strict";
import test from "node:test";
import { histogramTop, parseHistogramTotalBytes } from "./heap-probe";

test("parseHistogramTotalBytes reads the bytes of the histogram's Total line", () => {
  const out = `21801:
 num     #instances         #bytes  class name (module)
-------------------------------------------------------
   1:        495940      317039880  [B (java.base@25.0.3)
   2:        221219       44271584  [D (java.base@25.0.3)
Total       6989429      617178288
`;
  assert.equal(parseHistogramTotalBytes(out), 617_178_288);
});

test("parseHistogramTotalBytes refuses output without a Total line", () => {
  assert.throws(() => parseHistogramTotalBytes("12345:\nCould not attach"), /no "Total" line/);
});

test("histogramTop keeps the header, the largest classes and the Total line", () => {
  const out = `21801:
 num     #instances         #bytes  class name (module)
-------------------------------------------------------
   1:        495940      317039880  [B (java.base@25.0.3)
   2:        221219       44271584  [D (java.base@25.0.3)
   3:          1000          16000  java.lang.String (java.base@25.0.3)
Total       6989429      617178288
`;
  assert.equal(
    histogramTop(out, 2),
    `21801:
 num     #instances         #bytes  class name (module)
-------------------------------------------------------
   1:        495940      317039880  [B (java.base@25.0.3)
   2:        221219       44271584  [D (java.base@25.0.3)
Total       6989429      617178288`,
  );
});
