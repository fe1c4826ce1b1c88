import "server-only";
/**
 * Server pages seed react-query with the data layer's results under the client's keys, so the
 * first paint has numbers and polling continues from there. Each load gets a time budget: a slow
 * or failing panel is left to the client (its skeleton, then its own fetch, which joins the same
 * in-flight query through the single-flight cache), never holding the whole page back.
 */
import { type DehydratedState, dehydrate, QueryClient } from "@tanstack/react-query";

export interface PrefetchJob {
  readonly queryKey: readonly unknown[];
  readonly load: () => Promise<unknown>;
}

const PREFETCH_BUDGET_MS = 2_500;

export async function prefetch(jobs: readonly PrefetchJob[], budgetMs = PREFETCH_BUDGET_MS): Promise<DehydratedState> {
  const client = new QueryClient();
  await Promise.all(
    jobs.map(async (job) => {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), budgetMs);
      });
      try {
        const value = await Promise.race([job.load(), budget]);
        if (value !== undefined) client.setQueryData(job.queryKey, value);
      } catch {
        // The client shows this panel's error state after its own attempt.
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return dehydrate(client);
}
