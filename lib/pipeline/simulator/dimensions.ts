/**
 * The dimension tables as of the simulation start: the rows a CDC job loads before it starts
 * applying the change records of the run.
 */
import { userRow } from "./changes";
import type { DimUserRow, DimVideoRow } from "./rows";
import { videoRow } from "./video-state";
import type { World } from "./world";

export interface InitialDimensions {
  /** config.startMs: the rows are valid from here until their first change record. */
  readonly asOfMs: number;
  readonly videos: DimVideoRow[];
  readonly users: DimUserRow[];
}

export function initialDimensions(world: World): InitialDimensions {
  const asOfMs = world.config.startMs;
  const videos = world.videos.map((v) => videoRow(v, asOfMs));
  const users: DimUserRow[] = [];
  for (let i = 0; i < world.users.count; i++) users.push(userRow(world, i, world.users.ltv[i]!));
  return { asOfMs, videos, users };
}
