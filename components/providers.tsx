"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

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
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
