import "server-only";
/**
 * The live watcher's cheap question, "has a checkpoint committed since I last looked?", asked of the
 * Iceberg JDBC catalog's PostgreSQL instead of Trino (sql/live/checkpoints_metadata_location.sql):
 * one indexed one-row read on a connection kept open, so probing every second costs Trino nothing.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const STATEMENT = fs.readFileSync(path.join(process.cwd(), "sql", "live", "checkpoints_metadata_location.sql"), "utf8");

export class CatalogProbe {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;

  constructor(
    private readonly url: string,
    private readonly catalogName: string,
  ) {}

  /** The checkpoint table's current metadata file, or null before the table exists. Throws when PostgreSQL cannot answer. */
  async token(): Promise<string | null> {
    const client = await this.connect();
    try {
      const r = await client.query<{ metadata_location: string | null }>(STATEMENT, [this.catalogName]);
      return r.rows[0]?.metadata_location ?? null;
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
