/**
 * Deterministic traffic simulator of the short-video platform: Bronze event rows and dimension
 * change records, no I/O. See simulation.ts (slicing, determinism), traffic.ts (sessions, watch
 * time), delivery.ts (at-least-once delivery) and rows.ts (row shapes, time representation).
 */
export { CATEGORIES, type Category, type DeviceOs, LTV_SEGMENTS, type LtvSegment } from "./catalog";
export {
  DEFAULT_START_MS,
  parseSimulatorConfig,
  type SimulatorConfig,
  type SimulatorConfigInput,
  SimulatorConfigSchema,
} from "./config";
export { dailyCycle } from "./curves";
export { type InitialDimensions, initialDimensions } from "./dimensions";
export { Rng } from "./rng";
export {
  type DeliveryKind,
  type DimChange,
  type DimUserRow,
  type DimVideoRow,
  EVENT_TYPES,
  type EventType,
  type RawEventRow,
  type SimEvent,
  type SimSlice,
  type VideoStatus,
} from "./rows";
export { createSimulation, generateEvents, Simulation } from "./simulation";
export { MIN_SESSION_GAP_MS } from "./traffic";
export { createWorld, userId, videoId, type World } from "./world";
