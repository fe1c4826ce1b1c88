import assert from "node:assert/strict";
import test from "node:test";
import { parseBytes, parseScanStats } from "./scan-stats";

const SAMPLE = `Fragment 3 [SOURCE]
          ├─ ScanFilter[table = lakehouse:gold.rt_video_stats_1min$data@7684146871882063449, filterPredicate = ((video_id = varchar 'v_0007'))]
          │      Layout: [video_id:varchar]
          │      Input: 7230 rows (200.42kB), Filtered: 96.02%, Physical input: 9.95kB, Physical input time: 20.34us, Splits: 4, Splits generation wait time: 65.50ms
Fragment 4 [SOURCE]
    TableScan[table = lakehouse:meta.job_checkpoints$data@1]
           Input: 1 row (13B), Physical input: 400B, Physical input time: 1us, Splits: 1, Splits generation wait time: 1ms
    ScanFilterProject[table = lakehouse:gold.rt_video_stats_1min$data@7684146871882063449, filterPredicate = true]
           Input: 10 rows (1kB), Filtered: 0.00%, Physical input: 1.5MB, Physical input time: 2us, Splits: 6, Splits generation wait time: 1ms
`;

test("parseScanStats sums every scan of the named table and ignores others", () => {
  assert.deepEqual(parseScanStats(SAMPLE, "gold.rt_video_stats_1min"), { scans: 2, splits: 10, physicalBytes: 9.95 * 1024 + 1.5 * 1024 ** 2 });
  assert.deepEqual(parseScanStats(SAMPLE, "meta.job_checkpoints"), { scans: 1, splits: 1, physicalBytes: 400 });
  assert.deepEqual(parseScanStats(SAMPLE, "gold.other"), { scans: 0, splits: 0, physicalBytes: 0 });
});

test("parseBytes understands Trino's data sizes", () => {
  assert.equal(parseBytes("507B"), 507);
  assert.equal(parseBytes("2GB"), 2 * 1024 ** 3);
  assert.throws(() => parseBytes("12 parsecs"));
});
