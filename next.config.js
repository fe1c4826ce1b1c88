/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder, so `npm test` never swaps files under a running `npm start`.
  distDir: process.env.PULSE_NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The data layer reads sql/queries at run time; the Trino client and zod stay server-side.
  serverExternalPackages: ["trino-client"],
};

export default nextConfig;
