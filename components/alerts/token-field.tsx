"use client";
import { useWriteToken } from "./write-token";

/** Where the person gives the API token that writes need (kept in this tab only). */
export function TokenField() {
  const [token, setToken] = useWriteToken();
  return (
    <label className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
      API token for changes
      <input
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.target.value.trim())}
        placeholder="PULSE_API_TOKEN"
        className="w-64 rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
        data-testid="api-token"
      />
      <span>{token ? "kept in this tab only" : "reading needs none; creating and deleting do"}</span>
    </label>
  );
}
