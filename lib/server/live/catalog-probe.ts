/**
 * The live watcher's cheap question, "what has committed since I last looked?", asked of the
 * Iceberg JDBC catalog's PostgreSQL instead of Trino (sql/live/commit_tokens.sql):
 * one indexed one-row read on a connection kept open, so probing every second costs Trino nothing.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const STATEMENT = fs.readFileSync(path.join(process.cwd(), "sql", "live", "commit_tokens.sql"), "utf8");

import type { CommitTokens } from "./watcher";

export class CatalogProbe {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;

  constructor(
    private readonly url: string,
    private readonly catalogName: string,
  ) {}

  /** The tables' current metadata files. Throws when PostgreSQL cannot answer. */
  async tokens(): Promise<CommitTokens> {
    const client = await this.connect();
    try {
      const r = await client.query<{ table_ref: string; metadata_location: string | null }>(STATEMENT, [this.catalogName]);
      const checkpoints = r.rows.find((row) => row.table_ref === "meta.job_checkpoints")?.metadata_location ?? null;
      const data = r.rows
        .filter((row) => row.table_ref !== "meta.job_checkpoints")
        .map((row) => `${row.table_ref}=${row.metadata_location}`)
        .join(";");
      return { checkpoints, data };
    } catch (err) {
      // A broken connection is dropped; the next probe opens a new one.
      this.close();
      throw err;
    }
  }

  close(): void {
    const c = this.client;
    this.client = undefined;
    c?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000, query_timeout: 5_000, application_name: "pulse-live-watcher" });
      c.on("error", () => {
        if (this.client === c) this.client = undefined;
      });
      try {
        await c.connect();
        this.client = c;
        return c;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }
}
