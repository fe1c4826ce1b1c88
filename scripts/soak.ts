/**
 * `npm run soak -- [--minutes 60] [--faults N] [--viewers 10] [--burst-every 10] [--events-per-day 2500000]`:
 * the chaos soak (issue 13). On its own lakehouse (.lakehouse/soak, ports PULSE_SOAK_*; the demo's
 * and the tests' are untouched) it seeds a day at 5x the default rate, runs `npm start` with the
 * producer's record on, and for the given minutes `kill -9`s, at random moments and one at a time,
 * Trino, PostgreSQL, Kafka, the dashboard server or the main command itself (restarted as a user
 * would). Viewers poll the Pulse page's requests throughout, and a burst of 300 distinct custom
 * ranges lands on a micro-batch every --burst-every minutes. Then it checks, from the producer's
 * record: Bronze holds every acknowledged event exactly once, Gold RT equals a recomputation from
 * Bronze, the dims hold each key's last change, and no job is stuck; and it reports each fault's
 * time to recovery, the viewers' answered share, and job failures no fault explains.
 * Default faults: 24 an hour, at least 5. Exit 1 if a check fails or a server never came back.
 */
// First, before any module reads a setting: this process and its children use the soak's instance.
import "../tools/soak/soak-env";

const { runSoak } = await import("../tools/soak/run");

runSoak(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.error(`[soak] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
