/** `npx tsx scripts/bench-rt-lag.ts [minutes]`: live end-to-end lag, in tools/bench/rt-lag.ts (needs `npm start` running). */
import "../tools/bench/rt-lag";
