/** `npm run bench:live`: the live-serving benchmark in tools/bench/live/main.ts (needs `npm start` running). */
import "../tools/bench/live/main";
