/**
 * How a playlist plays (components/playlists/player.tsx), as a pure state machine: two frames, one
 * on screen and one loading the next view behind it, so a page change never shows empty panels.
 * When the shown view's dwell time is up, the frames swap, but only once the next one has loaded
 * (or after LOAD_GRACE_MS, so one broken view cannot stop the wall); the frame just hidden then
 * loads the view after. With two views both frames stay loaded and live, and only swap.
 */

export interface CycleItem {
  readonly url: string;
  readonly dwellSeconds: number;
}

export interface Frame {
  /** The URL loaded in this frame (null: none yet). */
  readonly url: string | null;
  readonly item: number;
  readonly loaded: boolean;
}

export interface CycleState {
  /** The item on screen. */
  readonly index: number;
  /** Which frame is on screen. */
  readonly active: 0 | 1;
  readonly frames: readonly [Frame, Frame];
  /** When the item on screen was shown (ms). */
  readonly shownAt: number;
}

/** A view that has not loaded this long after its turn is shown anyway (it then shows its own error or skeleton). */
export const LOAD_GRACE_MS = 10_000;

const other = (f: 0 | 1): 0 | 1 => (f === 0 ? 1 : 0);

function withFrame(s: CycleState, which: 0 | 1, frame: Frame): CycleState {
  const frames: [Frame, Frame] = which === 0 ? [frame, s.frames[1]] : [s.frames[0], frame];
  return { ...s, frames };
}

/** The hidden frame aims at the item after the one on screen (kept as is when it already holds that URL). */
function aimHidden(s: CycleState, items: readonly CycleItem[]): CycleState {
  if (items.length < 2) return s;
  const next = (s.index + 1) % items.length;
  const hidden = other(s.active);
  const url = items[next]!.url;
  const f = s.frames[hidden];
  if (f.url === url) return f.item === next ? s : withFrame(s, hidden, { ...f, item: next });
  return withFrame(s, hidden, { url, item: next, loaded: false });
}

export function startCycle(items: readonly CycleItem[], now: number): CycleState {
  const first: Frame = items.length > 0 ? { url: items[0]!.url, item: 0, loaded: false } : { url: null, item: 0, loaded: false };
  return aimHidden({ index: 0, active: 0, frames: [first, { url: null, item: 0, loaded: false }], shownAt: now }, items);
}

/** A frame finished loading `url` (ignored if the frame has moved on to another URL since). */
export function frameLoaded(s: CycleState, which: 0 | 1, url: string): CycleState {
  const f = s.frames[which];
  return f.url === url && !f.loaded ? withFrame(s, which, { ...f, loaded: true }) : s;
}

/** The clock moved: swap when the dwell is up and the next view is ready (or has had its grace). */
export function tick(s: CycleState, items: readonly CycleItem[], now: number): CycleState {
  if (items.length < 2) return s;
  const current = items[s.index % items.length]!;
  const due = s.shownAt + current.dwellSeconds * 1000;
  if (now < due) return s;
  const aimed = aimHidden(s, items);
  const hidden = aimed.frames[other(aimed.active)];
  if (!hidden.loaded && now < due + LOAD_GRACE_MS) return aimed;
  const swapped: CycleState = { ...aimed, index: hidden.item, active: other(aimed.active), shownAt: now };
  return aimHidden(swapped, items);
}

/**
 * The playlist was edited while playing: keep the view on screen when it is still in the list
 * (at its new position), else start again from the first.
 */
export function itemsChanged(s: CycleState, items: readonly CycleItem[], now: number): CycleState {
  if (items.length === 0) return startCycle(items, now);
  const shownUrl = s.frames[s.active].url;
  const at = items.findIndex((i) => i.url === shownUrl);
  if (at < 0) return startCycle(items, now);
  return aimHidden(withFrame({ ...s, index: at }, s.active, { ...s.frames[s.active], item: at }), items);
}
