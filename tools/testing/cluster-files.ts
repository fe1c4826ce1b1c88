/**
 * The files of the cluster smoke (`npm run test:cluster`), run on the cluster instance (coordinator +
 * 2 workers, warehouse in S3Proxy) instead of the test suite's: the micro-batch with its crash
 * recovery (inserts, deletes and checkpoints written through Trino's S3 file system by the workers)
 * and the velocity views with their hand-computed numbers, and maintenance (compaction, snapshot
 * expiry and removal of an orphan planted in the bucket), unchanged, then what only a cluster has
 * (cluster/cluster-smoke.ctest.ts: a daily run, the dashboard's API, where splits ran, the bucket). The rest of the integration suite runs on the default profile only, which keeps
 * this phase to minutes. Within these files, tests of logic that storage and node count cannot
 * change are declared single-node only (singleNodeTest, single-node-test.ts): microbatch.itest.ts's
 * two of rollup bookkeeping, and views.itest.ts's three of the watermark's clock fallback and cap
 * (the views' numbers all run here): 17 tests run here, of 22 in these files.
 */
export const CLUSTER_SMOKE_FILES = [
  "lib/pipeline/rt/microbatch.itest.ts",
  "lib/lakehouse/views.itest.ts",
  "lib/pipeline/maintenance.itest.ts",
  "tools/testing/cluster/cluster-smoke.ctest.ts",
] as const;
