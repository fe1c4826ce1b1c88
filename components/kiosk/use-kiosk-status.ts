"use client";
import { useEffect, useState } from "react";
import { initialMemory, type KioskMemory, type KioskStatus, kioskStatus, onHealth, onUnreachable } from "@/lib/dashboard/kiosk-status";
import type { Health } from "@/lib/dashboard/models";
import { useHealth } from "../use-health";

const isRtTable = (name: string) => name.endsWith(".gold.rt_video_stats_1min");

/** The wall screen's status (lib/dashboard/kiosk-status.ts) from the shared health poll, ticking every second. */
export function useKioskStatus(staleMinutes: number, tz: string): KioskStatus & { now: number; health: Health | undefined } {
  const health = useHealth();
  const [memory, setMemory] = useState<KioskMemory>(() => initialMemory(Date.now()));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  const { data, dataUpdatedAt, errorUpdatedAt } = health;
  useEffect(() => {
    if (!data || dataUpdatedAt === 0) return;
    const rt = data.tables.find((t) => isRtTable(t.table));
    setMemory((m) =>
      onHealth(m, {
        receivedAt: dataUpdatedAt,
        servedAt: data.servedAt ?? data.checkedAt,
        trinoReachable: data.trino.reachable,
        rtLastCommit: rt?.lastCommit ?? null,
        rtCompleteThrough: rt?.completeThrough ?? null,
        liveVersion: data.live?.rtVersion ?? null,
        liveReadAt: data.live?.readAt ?? null,
      }),
    );
  }, [data, dataUpdatedAt]);
  useEffect(() => {
    // A failed poll after the last good one: the server (or the network to it) is gone.
    if (errorUpdatedAt > dataUpdatedAt) setMemory((m) => onUnreachable(m, errorUpdatedAt));
  }, [errorUpdatedAt, dataUpdatedAt]);

  return { ...kioskStatus(memory, now, staleMinutes, tz), now, health: data };
}
