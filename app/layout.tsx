import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Nav } from "@/components/nav";
import { Providers } from "@/components/providers";
import { serverConfig } from "@/lib/config/server";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(serverConfig().PULSE_PUBLIC_URL),
  title: { default: "Pulse", template: "%s · Pulse" },
  description: "Real-time operations dashboard of the short-video lakehouse",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <Nav />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
