"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type Params, toQueryString } from "@/lib/dashboard/query-keys";

/** The page's URL query as a plain record, and a setter that merges changes (undefined removes a key). */
export function useUrlState(): [Params, (changes: Params) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => {
    const out: Record<string, string> = {};
    for (const key of new Set(search.keys())) out[key] = search.get(key) ?? "";
    return out as Params;
  }, [search]);
  const update = useCallback(
    (changes: Params) => {
      const next: Record<string, string | undefined> = { ...params, ...changes };
      router.replace(`${pathname}${toQueryString(next)}`, { scroll: false });
    },
    [params, pathname, router],
  );
  return [params, update];
}
