import type { NextConfig } from "next";
// Next has already loaded .env/.env.local by the same rule as lib/config/env-files.ts.
import { parseConfig } from "./lib/config/definitions";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder, so `npm test` never swaps files under a running `npm start`.
  distDir: parseConfig("tools", process.env).PULSE_NEXT_DIST_DIR,
  poweredByHeader: false,
  // The data layer reads sql/queries at run time; the Trino client and zod stay server-side.
  serverExternalPackages: ["trino-client"],
};

export default nextConfig;
