/** `npm run bench:dashboard`: the dashboard benchmark in tools/bench/dashboard/main.ts (needs `npm start` running). */
import "../tools/bench/dashboard/main";
