/**
 * Which storage profile an instance was created with, kept in `<instance>/profile.json`. The profile
 * decides where every file of the warehouse is and what the catalog's locations say (`local:///…`
 * or `s3://…`), so an instance keeps it for life: a start asking for the other one is refused with
 * the way out (a reset), instead of a catalog that points at files the new profile cannot reach.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type InstanceSettings, instancePaths, type StorageProfile, WAREHOUSE_BUCKET } from "./settings";

const ProfileFileSchema = z.object({ storage: z.enum(["local", "s3"]) });

export class StorageProfileError extends Error {
  override readonly name = "StorageProfileError";
}

export function recordedProfile(s: InstanceSettings): StorageProfile | undefined {
  try {
    return ProfileFileSchema.parse(JSON.parse(fs.readFileSync(instancePaths(s).profileFile, "utf8"))).storage;
  } catch {
    return undefined;
  }
}

/** The profile the instance runs on: its recorded one, else the one asked for, else local. */
export const storageOf = (s: InstanceSettings): StorageProfile => recordedProfile(s) ?? s.storage ?? "local";

const resetCommand = (s: InstanceSettings) => `npm run lakehouse -- reset --yes${s.name === "main" ? "" : ` --instance ${s.name}`}`;

/**
 * The profile a start runs on, recorded at the first start. `existing` says the instance already has
 * a catalog: one made before profiles were recorded was necessarily local.
 */
export function settleProfile(s: InstanceSettings, existing: boolean): StorageProfile {
  const recorded = recordedProfile(s) ?? (existing ? "local" : undefined);
  if (recorded && s.storage && s.storage !== recorded) {
    throw new StorageProfileError(
      `instance '${s.name}' was created with storage '${recorded}' and cannot start on '${s.storage}': its catalog points at files only '${recorded}' reaches. Start it with storage '${recorded}' (drop --storage / PULSE_STORAGE), or start afresh with '${resetCommand(s)}'.`,
    );
  }
  const profile = recorded ?? s.storage ?? "local";
  if (recordedProfile(s) !== profile) {
    fs.mkdirSync(path.dirname(instancePaths(s).profileFile), { recursive: true });
    fs.writeFileSync(instancePaths(s).profileFile, `${JSON.stringify({ storage: profile })}\n`);
  }
  return profile;
}

/** Where the warehouse is, for people: a folder, or the bucket and the folder S3Proxy keeps it in. */
export function describeWarehouse(s: InstanceSettings): string {
  const p = instancePaths(s);
  return storageOf(s) === "s3" ? `s3://${WAREHOUSE_BUCKET}/ on 127.0.0.1:${s.s3Port} (S3Proxy files in ${p.s3Data})` : p.warehouse;
}
