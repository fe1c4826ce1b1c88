import type { Metadata, Viewport } from "next";
import { type ReactNode, Suspense } from "react";
import { KioskMode } from "@/components/kiosk/kiosk-mode";
import { Nav } from "@/components/nav";
import { Providers } from "@/components/providers";
import { serverConfig } from "@/lib/config/server";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(serverConfig().PULSE_PUBLIC_URL),
  title: { default: "Pulse", template: "%s · Pulse" },
  description: "Real-time operations dashboard of the short-video lakehouse",
  // public/manifest.webmanifest: a wall screen or tablet installs Pulse full-screen, opening in kiosk mode.
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          {/* Reads the URL (?kiosk=1): a page prerendered without one simply renders no kiosk layer. */}
          <Suspense fallback={null}>
            <KioskMode />
          </Suspense>
          <Nav />
          <main className="mx-auto max-w-7xl px-4 py-6 kiosk:max-w-none kiosk:px-6 kiosk:py-4">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
