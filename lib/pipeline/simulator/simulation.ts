/**
 * The incremental generator. A Simulation owns all mutable state (pending events, open plans,
 * users' last activity, the live catalog) and is advanced over consecutive delivery slices:
 *
 *   const sim = createSimulation(createWorld({ seed: 7 }));
 *   const a = sim.advance(sim.cursorMs + 10_000);   // events delivered in [start, start+10s)
 *   const b = sim.advance(a.toMs + 10_000);         // the next 10 s, and so on
 *
 * Determinism across slicings: internally everything happens on one timeline, processed in time
 * order whatever the slice boundaries are: session starts (a thinned Poisson process following the
 * daily cycle), popularity rebuilds every 10 minutes and dimension changes. Sessions are generated whole when
 * they start and their events wait in a queue ordered by (delivery time, generation seq). Every
 * event's delivery time >= its event time >= its session's start, so once every session starting
 * before T is generated, every delivery before T is known. Slicing only decides when the queue is
 * read, never what is generated, so any sequence of slices yields the same events as one big slice.
 */
import { ChangePlanner, type PlannedChange } from "./changes";
import { DAILY_CYCLE_MEAN, DAY_MS, dailyCycle, freshness, HOUR_MS, MINUTE_MS } from "./curves";
import { Delivery } from "./delivery";
import { EventQueue } from "./event-queue";
import { Rng } from "./rng";
import type { DimChange, SimEvent, SimSlice } from "./rows";
import { AliasTable, WeightTree } from "./sampling";
import { TrafficModel } from "./traffic";
import { VideoState } from "./video-state";
import { ViralPlanner } from "./viral";
import type { World } from "./world";

/**
 * Traffic starts this long before the start and its views before the start are dropped, so the
 * first minutes after the start already have the sessions in flight of a running platform.
 */
const WARMUP_MS = HOUR_MS;
/** Plans (changes, viral episodes) run this far ahead of the newest session: longer than a session. */
const LOOKAHEAD_MS = 2 * HOUR_MS;
/** Viral episodes are planned from three days before the start, so some are in flight at the start. */
const VIRAL_LEAD_MS = 3 * DAY_MS;
/** Popularity weights are recomputed this often (freshness ramps and fades; see curves.ts). */
const REBUILD_MS = 10 * MINUTE_MS;
/** Users who are mid-session get this many re-draws before a session start is dropped. */
const USER_DRAWS = 10;

export class Simulation {
  readonly world: World;
  private cursor: number;
  private readonly videos: VideoState[];
  private readonly popularity = new WeightTree(4096);
  private readonly queue = new EventQueue();
  private readonly planner: ChangePlanner;
  private readonly viral: ViralPlanner;
  private readonly traffic: TrafficModel;
  private readonly rng: Rng;
  private readonly userPicker: AliasTable;
  private readonly meanSessionGapMs: number;
  private nextSessionAt: number;
  private nextRebuildAt: number;
  private sessions = 0;

  constructor(world: World) {
    const c = world.config;
    this.world = world;
    this.videos = world.videos.map(VideoState.fromWorld);
    this.rng = new Rng(c.seed, "traffic");
    this.planner = new ChangePlanner(new Rng(c.seed, "dims"), world, this.videos, c.startMs);
    this.viral = new ViralPlanner(new Rng(c.seed, "viral"), this.videos, c.viralShare * c.videos, world.referenceMass, c.startMs - VIRAL_LEAD_MS);
    const delivery = new Delivery(this.rng, this.queue, c.lateShare, c.duplicateShare);
    this.traffic = new TrafficModel(this.rng, world, this.videos, this.popularity, this.viral, delivery, c.startMs);
    this.userPicker = new AliasTable(world.users.activity);
    // Thinning: candidates at the peak rate, kept with probability dailyCycle(t) <= 1.
    this.meanSessionGapMs = (DAY_MS * DAILY_CYCLE_MEAN) / world.sessionsPerDay;
    const t0 = c.startMs - WARMUP_MS;
    this.rebuildPopularity(t0);
    this.nextRebuildAt = (Math.floor(t0 / REBUILD_MS) + 1) * REBUILD_MS;
    this.nextSessionAt = this.drawSessionAfter(t0);
    this.cursor = c.startMs;
  }

  /** End of the last slice (the next slice starts here). Starts at config.startMs. */
  get cursorMs(): number {
    return this.cursor;
  }

  /** Events generated but not yet delivered (in-flight sessions, late and repeated deliveries). */
  get pendingEvents(): number {
    return this.queue.size;
  }

  /** Returns what is delivered in [cursorMs, toMs) and moves the cursor to toMs. */
  advance(toMs: number): SimSlice {
    const fromMs = this.cursor;
    const events: SimEvent[] = [];
    const changes: DimChange[] = [];
    this.run(toMs, events, changes);
    return { fromMs, toMs, events, changes };
  }

  /** Like advance, discarding the output: to resume a replay at a later point of the same seed. */
  skipTo(toMs: number): void {
    this.run(toMs, null, null);
  }

  private run(toMs: number, events: SimEvent[] | null, changes: DimChange[] | null): void {
    if (!Number.isFinite(toMs) || toMs < this.cursor) {
      throw new RangeError(`slices must move forward: cursor ${this.cursor}, requested ${toMs}`);
    }
    for (;;) {
      const horizon = Math.min(this.nextSessionAt, this.nextRebuildAt);
      // Dimension changes first, then viral episodes: an episode's video must already know its ban.
      this.planner.planThrough(horizon + LOOKAHEAD_MS);
      this.viral.planThrough(horizon + LOOKAHEAD_MS);
      const planned = this.planner.peek();
      if (planned !== undefined && planned.change.changedAtMs <= horizon) {
        if (planned.change.changedAtMs >= toMs) break;
        this.planner.shift();
        this.apply(planned);
        changes?.push(planned.change);
        continue;
      }
      if (horizon >= toMs) break;
      if (this.nextRebuildAt <= this.nextSessionAt) {
        this.rebuildPopularity(this.nextRebuildAt);
        this.viral.prune(this.nextRebuildAt);
        this.nextRebuildAt += REBUILD_MS;
        continue;
      }
      this.startSession(Math.floor(this.nextSessionAt));
      this.nextSessionAt = this.drawSessionAfter(this.nextSessionAt);
    }
    for (let e = this.queue.popBefore(toMs); e !== undefined; e = this.queue.popBefore(toMs)) events?.push(e);
    this.cursor = toMs;
  }

  private drawSessionAfter(from: number): number {
    let t = from;
    for (;;) {
      t += this.rng.exponential(this.meanSessionGapMs);
      if (this.rng.next() < dailyCycle(t)) return t;
    }
  }

  private startSession(startMs: number): void {
    for (let draw = 0; draw < USER_DRAWS; draw++) {
      const user = this.userPicker.pick(this.rng);
      if (this.traffic.isIdle(user, startMs)) {
        this.traffic.run(startMs, user, this.sessions++);
        return;
      }
    }
  }

  /** Freshness moves slowly enough for a rebuild every REBUILD_MS; uploads and bans apply at once. */
  private rebuildPopularity(t: number): void {
    const weights = new Float64Array(this.videos.length);
    for (let i = 0; i < this.videos.length; i++) {
      const v = this.videos[i]!;
      weights[i] = v.isLiveAt(t) ? v.popularity * freshness(t - v.uploadMs) : 0;
    }
    this.popularity.rebuild(weights);
  }

  private apply(planned: PlannedChange): void {
    const { change, video } = planned;
    if (video === null || change.kind !== "video") return;
    if (change.reason === "upload") this.popularity.set(video.index, video.popularity * freshness(0));
    else if (change.reason === "ban") this.popularity.set(video.index, 0);
  }
}

export function createSimulation(world: World): Simulation {
  return new Simulation(world);
}

/** One-shot: what a fresh simulation of `world` delivers in [fromMs, toMs) (replays from the start). */
export function generateEvents(world: World, fromMs: number, toMs: number): SimSlice {
  const sim = new Simulation(world);
  if (fromMs > sim.cursorMs) sim.skipTo(fromMs);
  return sim.advance(toMs);
}
