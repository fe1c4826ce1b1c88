/**
 * The simulated platform at the start of the run: the catalog of videos and the user base.
 *
 * A World is built once from the config and never mutated: a Simulation copies whatever it changes
 * (new uploads, bans, segments), so several simulations can replay from the same World.
 * Users live in typed arrays (50,000 small records, read on every session); videos are objects
 * (a few thousand, read on every impression).
 */
import {
  APP_VERSIONS,
  CATEGORY_WEIGHTS,
  type Category,
  COUNTRIES,
  DEVICE_MODELS,
  DEVICE_OS,
  HASHTAGS,
  IOS_SHARE,
  LTV_HIGH,
  LTV_HIGH_SHARE,
  LTV_LOW,
  LTV_VIP,
  LTV_VIP_SHARE,
  VR_HEADSETS,
} from "./catalog";
import { parseSimulatorConfig, type SimulatorConfig, type SimulatorConfigInput } from "./config";
import { DAY_MS, freshness } from "./curves";
import { expectedEventsPerView, MEAN_VIEWS_PER_SESSION } from "./funnel";
import { Rng } from "./rng";
import { AliasTable } from "./sampling";

export interface WorldVideo {
  readonly index: number;
  readonly videoId: string;
  readonly creatorId: string;
  readonly category: Category;
  readonly hashtags: readonly string[];
  readonly durationMs: number;
  readonly uploadMs: number;
  /** Infinity unless banned before the start. */
  readonly bannedAtMs: number;
  /** Zipf weight rank^-s: the video's base share of impressions. */
  readonly popularity: number;
  /** Probability that an impression becomes a play. */
  readonly playRate: number;
  /** Probability that a play is watched to the end. */
  readonly finishRate: number;
}

export interface UserTable {
  readonly count: number;
  readonly ids: readonly string[];
  /** Index into COUNTRIES.values. */
  readonly country: Uint8Array;
  /** Index into DEVICE_OS. */
  readonly os: Uint8Array;
  readonly creator: Uint8Array;
  /** LTV_VIP | LTV_HIGH | LTV_LOW, as of the start. */
  readonly ltv: Uint8Array;
  readonly joinAtMs: Float64Array;
  /** Index into DEVICE_MODELS[os].values: one phone per user. */
  readonly deviceModel: Uint8Array;
  /** Index into APP_VERSIONS.values. */
  readonly appVersion: Uint8Array;
  /** Index into VR_HEADSETS.values, used only when a session runs on a headset. */
  readonly vrHeadset: Uint8Array;
  /** Relative rate at which the user opens sessions. */
  readonly activity: Float64Array;
}

export interface World {
  readonly config: SimulatorConfig;
  /** The initial catalog, index = id number, ordered by upload time. */
  readonly videos: readonly WorldVideo[];
  readonly users: UserTable;
  /** User indices of the creators, and who uploads how much (a few creators are prolific). */
  readonly creators: Int32Array;
  readonly creatorPicker: AliasTable;
  /** Popularity mass of the catalog at the start: the scale of a viral episode's peak. */
  readonly referenceMass: number;
  /** Session arrival rate that meets config.eventsPerDay. */
  readonly sessionsPerDay: number;
}

export function videoId(index: number): string {
  return `v_${String(index).padStart(6, "0")}`;
}

export function userId(index: number): string {
  return `u_${String(index).padStart(7, "0")}`;
}

const YEAR_MS = 365 * DAY_MS;
const MEDIAN_DURATION_MS = 24_000;
const MIN_DURATION_MS = 8_000;
const MAX_DURATION_MS = 180_000;
const BASE_PLAY_RATE = 0.6;

export interface VideoTraits {
  readonly category: Category;
  readonly hashtags: string[];
  readonly durationMs: number;
  readonly playRate: number;
  readonly finishRate: number;
}

export function drawHashtags(rng: Rng, category: Category): string[] {
  const pool = HASHTAGS[category].slice();
  const count = 1 + rng.int(4);
  const tags: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(pool.length - i);
    const tag = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = tag;
    tags.push(tag);
  }
  return tags;
}

/** Completion probability by length: an 8 s clip is finished ~85% of the time, a 3 min one ~25%. */
function completionByDuration(durationMs: number): number {
  return 0.2 + 0.65 * Math.exp(-(durationMs - MIN_DURATION_MS) / 60_000);
}

export function drawVideoTraits(rng: Rng): VideoTraits {
  const category = CATEGORY_WEIGHTS.pick(rng);
  const hashtags = drawHashtags(rng, category);
  // Log-normal: most clips are 10-40 s, a tail reaches the 3-minute limit.
  const rawDuration = MEDIAN_DURATION_MS * Math.exp(0.75 * rng.normal());
  const durationMs = Math.round(Math.min(MAX_DURATION_MS, Math.max(MIN_DURATION_MS, rawDuration)));
  const quality = Math.exp(0.15 * rng.normal());
  const playRate = Math.min(0.9, Math.max(0.25, BASE_PLAY_RATE * quality));
  const finishRate = Math.min(0.95, Math.max(0.05, completionByDuration(durationMs) * quality ** 0.7));
  return { category, hashtags, durationMs, playRate, finishRate };
}

export function zipfWeight(rank: number, exponent: number): number {
  return rank ** -exponent;
}

function buildUsers(rng: Rng, config: SimulatorConfig): UserTable {
  const n = config.users;
  const ids: string[] = new Array<string>(n);
  const country = new Uint8Array(n);
  const os = new Uint8Array(n);
  const creator = new Uint8Array(n);
  const ltv = new Uint8Array(n);
  const joinAtMs = new Float64Array(n);
  const deviceModel = new Uint8Array(n);
  const appVersion = new Uint8Array(n);
  const vrHeadset = new Uint8Array(n);
  const activity = new Float64Array(n);
  const segmentActivity = [3, 1.6, 1]; // VIP, High, Low: paying users watch more
  let creators = 0;
  for (let i = 0; i < n; i++) {
    ids[i] = userId(i);
    country[i] = COUNTRIES.pickIndex(rng);
    const osIndex = rng.next() < IOS_SHARE ? 0 : 1;
    os[i] = osIndex;
    deviceModel[i] = DEVICE_MODELS[DEVICE_OS[osIndex]!].pickIndex(rng);
    appVersion[i] = APP_VERSIONS.pickIndex(rng);
    vrHeadset[i] = VR_HEADSETS.pickIndex(rng);
    const isCreator = rng.next() < config.creatorShare;
    creator[i] = isCreator ? 1 : 0;
    if (isCreator) creators++;
    const r = rng.next();
    ltv[i] = r < LTV_VIP_SHARE ? LTV_VIP : r < LTV_VIP_SHARE + LTV_HIGH_SHARE ? LTV_HIGH : LTV_LOW;
    // Sign-ups skew recent (growing platform). Creators joined before any catalog upload.
    const tenure = DAY_MS + rng.next() ** 1.5 * 3 * YEAR_MS + (isCreator ? config.catalogDays * DAY_MS : 0);
    joinAtMs[i] = Math.floor(config.startMs - tenure);
    // Capped so a heavy user can still fit their sessions between 30-minute gaps.
    activity[i] = segmentActivity[ltv[i]!]! * Math.min(8, Math.exp(0.6 * rng.normal()));
  }
  if (creators === 0) {
    creator[0] = 1;
    joinAtMs[0] = Math.min(joinAtMs[0]!, Math.floor(config.startMs - (config.catalogDays + 1) * DAY_MS));
  }
  return { count: n, ids, country, os, creator, ltv, joinAtMs, deviceModel, appVersion, vrHeadset, activity };
}

function buildCreators(rng: Rng, users: UserTable): { creators: Int32Array; creatorPicker: AliasTable } {
  const list: number[] = [];
  for (let i = 0; i < users.count; i++) if (users.creator[i] === 1) list.push(i);
  const creators = Int32Array.from(list);
  // Output per creator is itself heavy-tailed.
  const ranks = shuffledRanks(rng, creators.length);
  const weights = new Float64Array(creators.length);
  for (let i = 0; i < creators.length; i++) weights[i] = zipfWeight(ranks[i]!, 0.8);
  return { creators, creatorPicker: new AliasTable(weights) };
}

/** A random permutation of 1..n: popularity rank is independent of id and upload time. */
function shuffledRanks(rng: Rng, n: number): Int32Array {
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = ranks[i]!;
    ranks[i] = ranks[j]!;
    ranks[j] = t;
  }
  return ranks;
}

function buildVideos(rng: Rng, config: SimulatorConfig, users: UserTable, creators: Int32Array, creatorPicker: AliasTable): WorldVideo[] {
  const n = config.videos;
  const span = config.catalogDays * DAY_MS;
  const uploads = new Float64Array(n);
  for (let i = 0; i < n; i++) uploads[i] = Math.floor(config.startMs - 1 - rng.next() * span);
  uploads.sort(); // ids follow upload order
  const ranks = shuffledRanks(rng, n);
  const videos: WorldVideo[] = [];
  for (let i = 0; i < n; i++) {
    const uploadMs = uploads[i]!;
    const traits = drawVideoTraits(rng);
    const creatorId = users.ids[creators[creatorPicker.pick(rng)]!]!;
    const banned = rng.next() < config.initialBannedShare;
    const bannedAtMs = banned ? Math.floor(uploadMs + 1 + rng.next() * (config.startMs - uploadMs - 1)) : Infinity;
    videos.push({
      index: i,
      videoId: videoId(i),
      creatorId,
      category: traits.category,
      hashtags: traits.hashtags,
      durationMs: traits.durationMs,
      uploadMs,
      bannedAtMs,
      popularity: zipfWeight(ranks[i]!, config.zipfExponent),
      playRate: traits.playRate,
      finishRate: traits.finishRate,
    });
  }
  return videos;
}

export function createWorld(input: SimulatorConfigInput = {}): World {
  const config = parseSimulatorConfig(input);
  const rng = new Rng(config.seed, "world");
  const users = buildUsers(rng, config);
  const { creators, creatorPicker } = buildCreators(rng, users);
  const videos = buildVideos(rng, config, users, creators, creatorPicker);

  let mass = 0;
  let eventsPerViewWeighted = 0;
  for (const v of videos) {
    if (v.bannedAtMs <= config.startMs) continue;
    const w = v.popularity * freshness(config.startMs - v.uploadMs);
    mass += w;
    eventsPerViewWeighted += w * expectedEventsPerView(v.playRate, v.finishRate);
  }
  const eventsPerView = mass > 0 ? eventsPerViewWeighted / mass : 1;
  const eventsPerSession = MEAN_VIEWS_PER_SESSION * eventsPerView * (1 + config.duplicateShare);
  return {
    config,
    videos,
    users,
    creators,
    creatorPicker,
    referenceMass: mass,
    sessionsPerDay: config.eventsPerDay / eventsPerSession,
  };
}
