/** `npx tsx scripts/check-platform-retention.ts`: the mart's platform D1 retention vs Silver, in tools/checks/platform-retention.ts (needs `npm start` running). */
import "../tools/checks/platform-retention";
