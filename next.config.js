/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The data layer reads sql/queries at run time; the Trino client and zod stay server-side.
  serverExternalPackages: ["trino-client"],
};

export default nextConfig;
