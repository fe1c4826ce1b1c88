"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { type ReactNode, useState } from "react";
import { URL_UPDATE_OPTIONS } from "@/lib/dashboard/url-parsers";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Server-prefetched data is fresh for a few seconds; polling decides after that.
            staleTime: 5_000,
            retry: (count, err) => count < 2 && (err as { status?: number }).status !== 400 && (err as { status?: number }).status !== 404,
            refetchOnWindowFocus: true,
          },
        },
      }),
  );
  return (
    // Every page's URL state (app/<page>/search-params.ts) updates the URL the same way: shallow, defaults dropped.
    <NuqsAdapter defaultOptions={URL_UPDATE_OPTIONS}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </NuqsAdapter>
  );
}
