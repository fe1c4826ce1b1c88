"use client";
/**
 * The API token for writes made from the UI (a rule, a redelivery): the person pastes it once and
 * it stays in this tab's sessionStorage only, sent as a bearer token like any API client's. The
 * server never puts it in a page, so reading a page never grants writing.
 */
import { useCallback, useSyncExternalStore } from "react";

const KEY = "pulse.apiToken";
const listeners = new Set<() => void>();

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function useWriteToken(): [string, (token: string) => void] {
  const token = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => "",
  );
  const set = useCallback((t: string) => {
    try {
      if (t) sessionStorage.setItem(KEY, t);
      else sessionStorage.removeItem(KEY);
    } catch {
      // Storage disabled: the token lasts until the page is left.
    }
    for (const l of listeners) l();
  }, []);
  return [token, set];
}

/** A write with the token; resolves to the server's answer, or throws with its error message (which names the field). */
export async function writeJson(method: "POST" | "PUT" | "DELETE", url: string, token: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(json.error ?? `the server answered ${res.status}`);
  return json;
}
