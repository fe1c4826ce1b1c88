import assert from "node:assert/strict";
import test from "node:test";
import {
  CATEGORIES,
  createSimulation,
  createWorld,
  type DimChange,
  type DimVideoRow,
  dailyCycle,
  generateEvents,
  initialDimensions,
  parseSimulatorConfig,
  type RawEventRow,
  type SimEvent,
  type SimSlice,
  type SimulatorConfigInput,
} from "./index";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A small platform with busy dimensions, so one simulated day exercises every path in ~0.5 s. */
const SMALL: SimulatorConfigInput = {
  seed: 7,
  videos: 300,
  users: 3_000,
  eventsPerDay: 200_000,
  uploadsPerHour: 6,
  bansPerHour: 1,
  categoryChangesPerHour: 1,
  viralShare: 0.05,
};

function sliced(config: SimulatorConfigInput, spanMs: number, sliceMs: (i: number) => number): SimSlice[] {
  const sim = createSimulation(createWorld(config));
  const end = sim.cursorMs + spanMs;
  const out: SimSlice[] = [];
  for (let i = 0; sim.cursorMs < end; i++) out.push(sim.advance(Math.min(end, sim.cursorMs + sliceMs(i))));
  return out;
}

const eventsOf = (slices: SimSlice[]) => slices.flatMap((s) => s.events);
const changesOf = (slices: SimSlice[]) => slices.flatMap((s) => s.changes);

interface Day {
  world: ReturnType<typeof createWorld>;
  start: number;
  /** Everything delivered until 30 min after the day (so every event of the day has arrived). */
  delivered: SimEvent[];
  /** First delivery of each event with event_timestamp inside the day. */
  unique: SimEvent[];
  changes: DimChange[];
}

let day: Day | undefined;
function sampleDay(): Day {
  if (day !== undefined) return day;
  const world = createWorld(SMALL);
  const start = world.config.startMs;
  const slice = createSimulation(world).advance(start + DAY + 30 * MIN);
  const seen = new Set<string>();
  const unique: SimEvent[] = [];
  for (const e of slice.events) {
    if (seen.has(e.row.event_id)) continue;
    seen.add(e.row.event_id);
    if (e.row.event_timestamp < start + DAY) unique.push(e);
  }
  day = { world, start, delivered: slice.events, unique, changes: slice.changes.filter((c) => c.changedAtMs < start + DAY) };
  return day;
}

function watchTime(row: RawEventRow): number {
  return (JSON.parse(row.raw_payload) as { watch_time_ms: number }).watch_time_ms;
}

test("config: defaults, validation and strictness", () => {
  const c = parseSimulatorConfig();
  assert.equal(c.videos, 2_000);
  assert.equal(c.users, 50_000);
  assert.equal(c.zipfExponent, 1.1);
  assert.equal(c.duplicateShare, 0.005);
  assert.equal(c.lateShare, 0.01);
  assert.equal(c.viralShare, 0.02);
  assert.equal(c.vrHeadsetShare, 0);
  assert.throws(() => parseSimulatorConfig({ lateShare: 1.5 }));
  assert.throws(() => parseSimulatorConfig({ videos: 2.5 }));
  assert.throws(() => parseSimulatorConfig({ nope: 1 } as SimulatorConfigInput));
});

test("determinism: the same seed and config replay identically, another seed does not", () => {
  const a = sliced(SMALL, 2 * HOUR, () => 10_000);
  const b = sliced(SMALL, 2 * HOUR, () => 10_000);
  assert.ok(eventsOf(a).length > 5_000, "two hours produce thousands of events");
  assert.deepEqual(eventsOf(a), eventsOf(b));
  assert.deepEqual(changesOf(a), changesOf(b));
  assert.deepEqual(initialDimensions(createWorld(SMALL)), initialDimensions(createWorld(SMALL)));
  const other = sliced({ ...SMALL, seed: 8 }, 2 * HOUR, () => 10_000);
  assert.notDeepEqual(
    eventsOf(other)
      .slice(0, 100)
      .map((e) => e.row.event_id),
    eventsOf(a)
      .slice(0, 100)
      .map((e) => e.row.event_id),
  );
});

test("consecutive slices of any sizes deliver exactly what one big slice delivers", () => {
  const span = 6 * HOUR;
  const sizes = [7_000, 10_000, 60_000, 13 * MIN, 1, 0];
  const many = sliced(SMALL, span, (i) => sizes[i % sizes.length]!);
  const one = sliced(SMALL, span, () => span);
  assert.equal(one.length, 1);
  assert.deepEqual(eventsOf(many), eventsOf(one));
  assert.deepEqual(changesOf(many), changesOf(one));
  for (const s of many) {
    for (const e of s.events) assert.ok(e.deliverAtMs >= s.fromMs && e.deliverAtMs < s.toMs, "event delivered outside its slice");
    for (const c of s.changes) assert.ok(c.changedAtMs >= s.fromMs && c.changedAtMs < s.toMs, "change outside its slice");
  }
  const all = eventsOf(one);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.deliverAtMs <= all[i]!.deliverAtMs, "events ordered by delivery");
  // generateEvents replays from the start, so a later window equals that window of a long run.
  const window = generateEvents(createWorld(SMALL), one[0]!.fromMs + HOUR, one[0]!.fromMs + HOUR + 5 * MIN);
  assert.deepEqual(
    window.events,
    all.filter((e) => e.deliverAtMs >= window.fromMs && e.deliverAtMs < window.toMs),
  );
});

test("slices cannot go backwards", () => {
  const sim = createSimulation(createWorld(SMALL));
  sim.advance(sim.cursorMs + MIN);
  assert.throws(() => sim.advance(sim.cursorMs - 1), RangeError);
});

test("world: ids, vocabularies, shares and creators are as specified", () => {
  const world = createWorld({ seed: 11, videos: 2_000, users: 20_000 });
  const { videos, users, asOfMs } = initialDimensions(world);
  assert.equal(videos.length, 2_000);
  assert.equal(users.length, 20_000);
  assert.equal(videos[123]!.video_id, "v_000123");
  assert.equal(users[123]!.user_id, "u_0000123");
  const creators = new Map(users.filter((u) => u.is_creator).map((u) => [u.user_id, u]));
  const share = (n: number) => n / users.length;
  assert.ok(Math.abs(share(creators.size) - 0.03) < 0.006, `creators ${creators.size}`);
  assert.ok(Math.abs(share(users.filter((u) => u.device_os === "iOS").length) - 0.45) < 0.02);
  assert.ok(Math.abs(share(users.filter((u) => u.ltv_segment === "VIP").length) - 0.02) < 0.005);
  assert.ok(Math.abs(share(users.filter((u) => u.ltv_segment === "High").length) - 0.18) < 0.015);
  const firstUpload = Math.min(...videos.map((v) => v.upload_time));
  for (const u of users) assert.ok(u.join_at < asOfMs, `${u.user_id} joins after the start`);
  for (let i = 0; i < videos.length; i++) {
    const v = videos[i]!;
    if (i > 0) assert.ok(videos[i - 1]!.upload_time <= v.upload_time, "ids follow upload order");
    assert.ok((CATEGORIES as readonly string[]).includes(v.category), v.category);
    assert.ok(v.hashtags.length >= 1 && v.hashtags.length <= 4, `${v.hashtags.length} hashtags`);
    assert.equal(new Set(v.hashtags).size, v.hashtags.length);
    assert.ok(v.duration_ms >= 8_000 && v.duration_ms <= 180_000, `duration ${v.duration_ms}`);
    assert.ok(v.upload_time < asOfMs && v.upload_time >= asOfMs - 30 * DAY, `upload ${v.upload_time}`);
    const creator = creators.get(v.creator_id);
    assert.ok(creator !== undefined, `${v.video_id}: creator ${v.creator_id} is not a creator`);
    assert.ok(creator.join_at < firstUpload, `${creator.user_id} joins after the first upload`);
  }
  const durations = videos.map((v) => v.duration_ms).sort((a, b) => a - b);
  assert.ok(durations[1_000]! < 40_000, "durations skew short");
  assert.ok(videos.filter((v) => v.status === "banned").length < 40);
});

test("volume: the eventsPerDay knob is met", () => {
  const { delivered, unique } = sampleDay();
  const firstDay = delivered.filter((e) => e.deliverAtMs < sampleDay().start + DAY).length;
  assert.ok(firstDay > 170_000 && firstDay < 240_000, `${firstDay} events delivered in the first day`);
  assert.ok(unique.length > 150_000, `${unique.length} distinct events in the day`);
});

test("funnel: plays follow impressions, finishes never exceed plays, likes and shares follow plays", () => {
  const { unique } = sampleDay();
  const impressions = new Map<string, number>();
  const plays = new Map<string, number>();
  const perVideo = new Map<string, { starts: number; finishes: number }>();
  const counts: Record<string, number> = {};
  for (const { row } of unique) {
    counts[row.event_type] = (counts[row.event_type] ?? 0) + 1;
    const key = `${row.user_id}|${row.video_id}`;
    if (row.event_type === "impression") {
      impressions.set(key, Math.min(impressions.get(key) ?? Infinity, row.event_timestamp));
    } else if (row.event_type === "play_start") {
      plays.set(key, Math.min(plays.get(key) ?? Infinity, row.event_timestamp));
    }
    const v = perVideo.get(row.video_id) ?? { starts: 0, finishes: 0 };
    if (row.event_type === "play_start") v.starts++;
    if (row.event_type === "play_finish") v.finishes++;
    perVideo.set(row.video_id, v);
  }
  for (const { row } of unique) {
    const key = `${row.user_id}|${row.video_id}`;
    if (row.event_type === "play_start") {
      assert.ok((impressions.get(key) ?? Infinity) < row.event_timestamp, `play_start without impression: ${key}`);
      assert.ok(watchTime(row) > 0, "play_start without watch time");
    } else {
      assert.equal(watchTime(row), 0);
    }
    if (row.event_type === "play_finish" || row.event_type === "like" || row.event_type === "share") {
      assert.ok((plays.get(key) ?? Infinity) < row.event_timestamp, `${row.event_type} before any play: ${key}`);
    }
  }
  for (const [video, v] of perVideo) assert.ok(v.finishes <= v.starts, video);
  const playRate = counts.play_start! / counts.impression!;
  const likeRate = counts.like! / counts.play_start!;
  const shareRate = counts.share! / counts.play_start!;
  assert.ok(playRate > 0.55 && playRate < 0.72, `play rate ${playRate}`);
  assert.ok(likeRate > 0.045 && likeRate < 0.08, `like rate ${likeRate}`);
  assert.ok(shareRate > 0.01 && shareRate < 0.022, `share rate ${shareRate}`);
});

test("watch time: finished plays report at least the duration, abandoned ones less", () => {
  const { world, unique, start } = sampleDay();
  const durations = new Map(initialDimensions(world).videos.map((v) => [v.video_id, v.duration_ms]));
  const finishedAt = new Set<string>();
  for (const { row } of unique) if (row.event_type === "play_finish") finishedAt.add(`${row.user_id}|${row.video_id}|${row.event_timestamp}`);
  let finished = 0;
  let abandoned = 0;
  for (const { row } of unique) {
    const duration = durations.get(row.video_id);
    // A play still running at the end of the day has its play_finish outside the sample.
    if (row.event_type !== "play_start" || duration === undefined || row.event_timestamp > start + DAY - 10 * MIN) continue;
    const watch = watchTime(row);
    if (finishedAt.has(`${row.user_id}|${row.video_id}|${row.event_timestamp + duration}`)) {
      finished++;
      assert.ok(watch >= duration && watch <= 2 * duration, `finished play watched ${watch} of ${duration} ms`);
    } else {
      abandoned++;
      assert.ok(watch < duration, `abandoned play watched ${watch} of ${duration} ms`);
    }
  }
  assert.ok(finished > 1_000 && abandoned > 1_000, `${finished} finished, ${abandoned} abandoned`);
});

test("sessions: gaps inside a session stay under 30 min, gaps between a user's sessions exceed it", () => {
  const { unique } = sampleDay();
  const sessions = new Map<number, { user: string; times: number[] }>();
  for (const { row, sessionSeq } of unique) {
    const s = sessions.get(sessionSeq) ?? { user: row.user_id, times: [] };
    assert.equal(s.user, row.user_id);
    s.times.push(row.event_timestamp);
    sessions.set(sessionSeq, s);
  }
  const byUser = new Map<string, { first: number; last: number }[]>();
  let maxInside = 0;
  for (const s of sessions.values()) {
    s.times.sort((a, b) => a - b);
    for (let i = 1; i < s.times.length; i++) maxInside = Math.max(maxInside, s.times[i]! - s.times[i - 1]!);
    const list = byUser.get(s.user) ?? [];
    list.push({ first: s.times[0]!, last: s.times[s.times.length - 1]! });
    byUser.set(s.user, list);
  }
  assert.ok(maxInside < 30 * MIN, `largest gap inside a session: ${maxInside} ms`);
  let repeatUsers = 0;
  let minBetween = Infinity;
  for (const list of byUser.values()) {
    list.sort((a, b) => a.first - b.first);
    if (list.length > 1) repeatUsers++;
    for (let i = 1; i < list.length; i++) minBetween = Math.min(minBetween, list[i]!.first - list[i - 1]!.last);
  }
  assert.ok(repeatUsers > 500, `${repeatUsers} users with several sessions`);
  assert.ok(minBetween > 30 * MIN, `smallest gap between sessions: ${minBetween} ms`);
  assert.ok(sessions.size > 5_000, `${sessions.size} sessions`);
});

test("delivery: ~0.5% redelivered, ~1% late, the rest within 5 s of being ready", () => {
  const { delivered, start } = sampleDay();
  const first = new Map<string, SimEvent>();
  let repeats = 0;
  for (const e of delivered) {
    const seen = first.get(e.row.event_id);
    if (seen === undefined) {
      first.set(e.row.event_id, e);
      continue;
    }
    repeats++;
    assert.deepEqual(e.row, seen.row, "a redelivery carries the same content");
    assert.ok(
      e.deliverAtMs >= seen.deliverAtMs + 2_000 && e.deliverAtMs <= seen.deliverAtMs + 5 * MIN,
      `redelivered ${e.deliverAtMs - seen.deliverAtMs} ms after the first delivery`,
    );
  }
  let late = 0;
  let counted = 0;
  for (const e of first.values()) {
    if (e.row.event_timestamp >= start + DAY) continue;
    counted++;
    const ready = e.row.event_timestamp + (e.row.event_type === "play_start" ? watchTime(e.row) : 0);
    const lag = e.deliverAtMs - ready;
    if (lag >= 2 * MIN) {
      late++;
      assert.ok(lag <= 10 * MIN, `late by ${lag} ms`);
    } else {
      assert.ok(lag >= 0 && lag <= 5_000, `delivered ${lag} ms after ready`);
    }
  }
  const duplicateShare = repeats / first.size;
  const lateShare = late / counted;
  assert.ok(Math.abs(duplicateShare - 0.005) < 0.0012, `duplicate share ${duplicateShare}`);
  assert.ok(Math.abs(lateShare - 0.01) < 0.0015, `late share ${lateShare}`);
  // play_start waits for the end of the play, so its event time is often well before its delivery.
  const playStarts = [...first.values()].filter((e) => e.row.event_type === "play_start");
  const waited = playStarts.filter((e) => e.deliverAtMs - e.row.event_timestamp > 10_000).length;
  assert.ok(waited > playStarts.length / 10, `${waited} of ${playStarts.length} play_start delivered > 10 s after their event time`);
});

test("daily cycle: the 20:00 UTC hour carries over 3x the events of the 04:00 hour", () => {
  const { unique } = sampleDay();
  const byHour = new Array<number>(24).fill(0);
  for (const { row } of unique) byHour[new Date(row.event_timestamp).getUTCHours()]!++;
  assert.ok(byHour[20]! > 3 * byHour[4]!, `20h ${byHour[20]} vs 04h ${byHour[4]}`);
  assert.ok(Math.abs(dailyCycle(Date.UTC(2025, 0, 1, 4)) - 0.25) < 1e-9, "trough level at 04:00");
  assert.ok(Math.abs(dailyCycle(Date.UTC(2025, 0, 1, 20)) - 1) < 1e-9, "peak level at 20:00");
});

test("popularity: the top 1% of videos get a large share of plays, and viral videos surge", () => {
  const { unique, start, changes } = sampleDay();
  const plays = new Map<string, number[]>();
  let total = 0;
  for (const { row } of unique) {
    if (row.event_type !== "play_start") continue;
    const hours = plays.get(row.video_id) ?? new Array<number>(24).fill(0);
    hours[Math.floor((row.event_timestamp - start) / HOUR)]!++;
    plays.set(row.video_id, hours);
    total++;
  }
  const catalog = 300;
  const sorted = [...plays.values()].map((h) => h.reduce((a, b) => a + b, 0)).sort((a, b) => b - a);
  const top1 = sorted.slice(0, Math.ceil(catalog / 100)).reduce((a, b) => a + b, 0) / total;
  assert.ok(top1 > 0.2, `top 1% share of plays: ${top1}`);
  // A surge: a video live all day whose best hour is far above its typical hour.
  const changed = new Set(changes.map((c) => (c.kind === "video" ? c.row.video_id : "")));
  const surging = [...plays].filter(([video, hours]) => {
    if (changed.has(video)) return false;
    const median = [...hours].sort((a, b) => a - b)[12]!;
    return Math.max(...hours) >= Math.max(50, 5 * median);
  });
  assert.ok(surging.length >= 1, "no video surges during the day");
});

test("dimensions: no event before its video's upload, no impression of a banned video", () => {
  const { world, unique, changes, start } = sampleDay();
  const initial = initialDimensions(world);
  const uploads = new Map<string, number>(initial.videos.map((v) => [v.video_id, v.upload_time]));
  const bannedAt = new Map<string, number>();
  for (const v of initial.videos) if (v.status === "banned") bannedAt.set(v.video_id, -Infinity);
  const latest = new Map<string, DimVideoRow>(initial.videos.map((v) => [v.video_id, v]));
  for (const c of changes) {
    assert.ok(c.changedAtMs >= start, "change before the start");
    if (c.kind === "user") {
      assert.match(c.row.user_id, /^u_\d{7}$/);
      continue;
    }
    const before = latest.get(c.row.video_id);
    if (c.reason === "upload") {
      assert.equal(before, undefined);
      assert.equal(c.row.upload_time, c.changedAtMs);
      uploads.set(c.row.video_id, c.row.upload_time);
    } else if (c.reason === "ban") {
      assert.equal(before?.status, "active");
      assert.equal(c.row.status, "banned");
      bannedAt.set(c.row.video_id, c.changedAtMs);
    } else {
      assert.notEqual(c.row.category, before?.category);
      assert.equal(c.row.status, "active");
    }
    latest.set(c.row.video_id, c.row);
  }
  const reasons = new Set(changes.map((c) => c.reason));
  for (const r of ["upload", "ban", "category", "ltv_segment"]) assert.ok(reasons.has(r as DimChange["reason"]), r);

  let newUploadEvents = 0;
  let impressionsBeforeBan = 0;
  for (const { row } of unique) {
    const upload = uploads.get(row.video_id);
    assert.ok(upload !== undefined && row.event_timestamp >= upload, `${row.video_id} seen before upload`);
    if (upload >= start) newUploadEvents++;
    const ban = bannedAt.get(row.video_id);
    if (ban !== undefined && row.event_type === "impression") {
      assert.ok(row.event_timestamp < ban, `impression of ${row.video_id} after its ban`);
      impressionsBeforeBan++;
    }
  }
  assert.ok(newUploadEvents > 100, "videos uploaded during the run get traffic");
  assert.ok(impressionsBeforeBan > 0, "banned videos were watched before their ban");
});

test("payload: per-user device, weighted network and app version, optional vr_headset_model", () => {
  const { world, unique } = sampleDay();
  const users = new Map(initialDimensions(world).users.map((u) => [u.user_id, u]));
  const deviceOf = new Map<string, string>();
  const networks = new Map<string, number>();
  for (const { row } of unique.slice(0, 20_000)) {
    assert.match(row.event_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(row.video_id, /^v_\d{6}$/);
    const payload = JSON.parse(row.raw_payload) as Record<string, unknown>;
    assert.deepEqual(Object.keys(payload), ["device_model", "network", "app_ver", "watch_time_ms"]);
    const model = String(payload.device_model);
    assert.equal(deviceOf.get(row.user_id) ?? model, model);
    deviceOf.set(row.user_id, model);
    assert.equal(model.startsWith("iPhone"), users.get(row.user_id)!.device_os === "iOS");
    networks.set(String(payload.network), (networks.get(String(payload.network)) ?? 0) + 1);
  }
  assert.ok(networks.get("wifi")! > networks.get("4g")! && networks.get("4g")! > networks.get("3g")!);

  const vr = eventsOf(sliced({ ...SMALL, vrHeadsetShare: 0.3 }, 3 * HOUR, () => HOUR));
  const withVr = vr.filter((e) => "vr_headset_model" in (JSON.parse(e.row.raw_payload) as object)).length;
  assert.ok(Math.abs(withVr / vr.length - 0.3) < 0.08, `vr share ${withVr / vr.length}`);
});
