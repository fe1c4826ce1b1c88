import Link from "next/link";
import { Suspense } from "react";
import { AlertsNavLink } from "./alerts/alerts-nav-link";
import { HealthDot } from "./health-dot";
import { SaveView } from "./save-view";
import { VideoSearch } from "./video-search";

export function Nav() {
  return (
    <header className="relative z-40 kiosk:hidden border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <nav className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          <span className="text-rose-600 dark:text-rose-400">●</span> Pulse
        </Link>
        <Link href="/" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Live pulse
        </Link>
        <Link href="/daily" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Daily marts
        </Link>
        <AlertsNavLink />
        <Link href="/annotations" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Annotations
        </Link>
        <Link href="/views" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Views
        </Link>
        <Link href="/playlists" className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Playlists
        </Link>
        <div className="ml-auto flex items-center gap-4">
          <Suspense>
            <SaveView />
          </Suspense>
          <VideoSearch />
          <HealthDot />
        </div>
      </nav>
    </header>
  );
}
