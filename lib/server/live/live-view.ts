/**
 * One live view: the panels of one page at one set of URL parameters (e.g. Pulse, last 24 h, UTC,
 * all categories), kept at the current data version for everyone who watches it.
 *
 * On each data change the view reloads its panels once (through the version-keyed cache and the
 * incremental logs, so unchanged statements are not re-run), diffs them against what it holds
 * (panel-diff.ts), serializes the delta once, and writes the same bytes to every subscriber. The
 * snapshot is serialized at most once per version too. The last deltas are kept so a reconnecting
 * browser (Last-Event-ID) gets only what it missed. No "server-only" import: unit-tested.
 */
import type { Envelope } from "../../dashboard/envelope";
import type { DeltaMessage, PanelDelta, SnapshotMessage, StatusMessage } from "../../dashboard/live-messages";

type PanelEnvelopes = SnapshotMessage["panels"];

import { diffPanel, type PanelKind } from "./panel-diff";

export interface PanelSource {
  readonly name: string;
  readonly kind: PanelKind;
  /** Loads the panel at the current data version (waiting for it, not answering an older one). */
  readonly load: () => Promise<Envelope<unknown>>;
}

export interface Subscriber {
  /** Writes one encoded event; returns false when the subscriber cannot keep up and should be dropped. */
  send(bytes: Uint8Array): boolean;
  close(): void;
}

/**
 * How many deltas a view keeps for resuming browsers: about half an hour of one-minute commits,
 * each sent as up to three events (its panels as they land).
 */
export const KEPT_DELTAS = 90;

const encoder = new TextEncoder();

export function sseEvent(event: string, data: unknown, id?: string): Uint8Array {
  return encoder.encode(`${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

interface KeptDelta {
  readonly base: string;
  readonly version: string;
  readonly bytes: Uint8Array;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function staleReason(panels: PanelEnvelopes): string | undefined {
  for (const e of Object.values(panels)) if (e.meta.stale) return e.meta.staleReason ?? "Trino is not answering; showing the last good data";
  return undefined;
}

/** Distinguishes this server process's event ids from an earlier one's (a restart resets counters). */
const BOOT = Date.now().toString(36);

/** An SSE event id: `<data version>.<process boot>.<revision>`; one commit may take several revisions (its panels as they land). */
const eventId = (version: string, revision: number) => `${version}.${BOOT}.${revision}`;

/** The data version an event id belongs to, e.g. "b40.d17955.mwvx1486.7" -> "b40.d17955" (bench:live groups a commit's events by it). */
export function versionOfEventId(id: string): string {
  const parts = id.split(".");
  return parts.length > 2 ? parts.slice(0, -2).join(".") : id;
}

export class LiveView {
  /** Data version the panels were last loaded at, and whether that load was complete and not stale. */
  private loadedAt: string | undefined;
  private complete = false;
  /** The SSE id of what the panels hold: data version, process, and a counter of changes. */
  private id: string | undefined;
  private revision = 0;
  private panels: Record<string, Envelope<unknown>> = {};
  private snapshotBytes: Uint8Array | undefined;
  private readonly deltas: KeptDelta[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private refreshing: Promise<void> | undefined;
  private degraded: string | undefined;
  private lastError: unknown;
  lastUsed: number;

  constructor(
    readonly key: string,
    private readonly sources: readonly PanelSource[],
    /** The data version right now (the watcher's), read when a refresh starts. */
    private readonly currentVersion: () => string,
    private readonly now: () => number = Date.now,
  ) {
    this.lastUsed = now();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get currentPanels(): PanelEnvelopes {
    return this.panels;
  }

  /** The SSE id of the panels held now; undefined before the first load. */
  get eventId(): string | undefined {
    return this.id;
  }

  /** True when the panels are complete, not stale, and at the current data version. */
  get upToDate(): boolean {
    return this.complete && this.loadedAt === this.currentVersion();
  }

  /** The view at the current version; throws only when a panel has never loaded (nothing to show). */
  async ready(): Promise<void> {
    this.lastUsed = this.now();
    if (!this.upToDate) await this.refresh();
    const missing = this.sources.find((s) => this.panels[s.name] === undefined);
    if (missing) throw this.lastError ?? new Error(`panel ${missing.name} has no data`);
  }

  /**
   * Brings every panel to the current version once, however many callers ask at the same time.
   * `force` reloads even an up-to-date view: Trino failing or recovering changes what its panels
   * say (stale or not) without a new data version.
   */
  refresh(force = false): Promise<void> {
    this.refreshing ??= this.refreshUntilCurrent(force).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * A caller that arrives during a refresh shares it, so a version that moved meanwhile (the hub
   * calls refresh() once per change) is loaded right after it; otherwise subscribers would wait
   * for the next change.
   */
  private async refreshUntilCurrent(force: boolean): Promise<void> {
    await this.doRefresh(force);
    while (this.loadedAt !== this.currentVersion()) await this.doRefresh();
  }

  /**
   * Loads every panel at the current version. After the first load, each panel's delta goes out as
   * soon as that panel has loaded (panels landing in the same turn of the event loop share one
   * event), so the tiles and the chart never wait for the slowest statement (on the demo instance
   * the trending table takes ~2 s of Trino, the rest a fraction of that). Each event is a link in
   * the chain of ids (`base` -> `version`) that browsers and catchUp already follow. The first load
   * sends nothing: subscribers get its snapshot.
   */
  private async doRefresh(force = false): Promise<void> {
    if (this.upToDate && !force) return;
    const version = this.currentVersion();
    const first = this.id === undefined;
    let failure: unknown;
    let landed: Record<string, Envelope<unknown>> = {};
    let changes: Record<string, PanelDelta> = {};
    let flushTimer: ReturnType<typeof setImmediate> | undefined;
    const flush = () => {
      flushTimer = undefined;
      if (Object.keys(landed).length === 0) return;
      // Panels change only here, with the event that says so: a snapshot taken in between is
      // always the state of the id it carries.
      this.panels = { ...this.panels, ...landed };
      const delta = changes;
      landed = {};
      changes = {};
      if (!first && Object.keys(delta).length > 0) this.emitDelta(version, delta);
    };
    await Promise.all(
      this.sources.map(async (source) => {
        let value: Envelope<unknown>;
        try {
          value = await source.load();
        } catch (err) {
          // The panel keeps its last envelope; the next refresh tries again.
          failure ??= err;
          return;
        }
        const delta = diffPanel(this.panels[source.name], value, source.kind);
        landed[source.name] = value;
        if (delta) changes[source.name] = delta;
        if (!first) flushTimer ??= setImmediate(flush);
      }),
    );
    if (flushTimer !== undefined) clearImmediate(flushTimer);
    flush();
    if (failure !== undefined) this.lastError = failure;
    const stale = staleReason(this.panels);
    this.loadedAt = version;
    this.complete = failure === undefined && stale === undefined;
    this.setDegraded(failure === undefined ? stale : messageOf(failure));
    if (first) this.advanceId(version);
  }

  /** A new id for what the panels hold now; the snapshot is serialized again when next asked. */
  private advanceId(version: string): string | undefined {
    const base = this.id;
    this.revision += 1;
    this.id = eventId(version, this.revision);
    this.snapshotBytes = undefined;
    return base;
  }

  private emitDelta(version: string, changes: Record<string, PanelDelta>): void {
    const base = this.advanceId(version)!;
    const event: DeltaMessage = { version: this.id!, base, panels: changes };
    const kept: KeptDelta = { base, version: this.id!, bytes: sseEvent("delta", event, this.id) };
    this.deltas.push(kept);
    if (this.deltas.length > KEPT_DELTAS) this.deltas.shift();
    this.broadcast(kept.bytes);
  }

  /** The full payload at the loaded version, serialized once per version. */
  snapshot(): Uint8Array {
    if (!this.snapshotBytes) {
      const event: SnapshotMessage = { version: this.id ?? "", panels: this.panels };
      this.snapshotBytes = sseEvent("snapshot", event, this.id);
    }
    return this.snapshotBytes;
  }

  /**
   * What a browser at version `since` needs: nothing when it is current, the deltas after it when
   * they are still kept, otherwise the snapshot.
   */
  catchUp(since: string | undefined): Uint8Array[] {
    if (since !== undefined && since === this.id) return [];
    const from = since === undefined ? -1 : this.deltas.findIndex((d) => d.base === since);
    if (from < 0) return [this.snapshot()];
    return this.deltas.slice(from).map((d) => d.bytes);
  }

  subscribe(s: Subscriber): () => void {
    this.subscribers.add(s);
    this.lastUsed = this.now();
    if (this.degraded !== undefined) s.send(sseEvent("status", { state: "degraded", reason: this.degraded } satisfies StatusMessage));
    return () => {
      this.subscribers.delete(s);
      this.lastUsed = this.now();
    };
  }

  /** Sends bytes to every subscriber; one that cannot keep up is closed (it reconnects and resumes). */
  broadcast(bytes: Uint8Array): void {
    for (const s of this.subscribers) {
      if (!s.send(bytes)) {
        this.subscribers.delete(s);
        s.close();
      }
    }
  }

  closeAll(): void {
    for (const s of this.subscribers) s.close();
    this.subscribers.clear();
  }

  private setDegraded(reason: string | undefined): void {
    if (reason === this.degraded) return;
    this.degraded = reason;
    const status: StatusMessage = reason === undefined ? { state: "live" } : { state: "degraded", reason };
    this.broadcast(sseEvent("status", status));
  }
}
