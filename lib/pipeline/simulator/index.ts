/**
 * Deterministic traffic simulator of the short-video platform: Bronze event rows and dimension
 * change records, no I/O. See simulation.ts (slicing, determinism), traffic.ts (sessions, watch
 * time), delivery.ts (at-least-once delivery) and rows.ts (row shapes, time representation).
 */
export { CATEGORIES, LTV_SEGMENTS, type Category, type DeviceOs, type LtvSegment } from "./catalog";
export {
  DEFAULT_START_MS,
  SimulatorConfigSchema,
  parseSimulatorConfig,
  type SimulatorConfig,
  type SimulatorConfigInput,
} from "./config";
export { dailyCycle } from "./curves";
export { initialDimensions, type InitialDimensions } from "./dimensions";
export { Rng } from "./rng";
export {
  EVENT_TYPES,
  type DeliveryKind,
  type DimChange,
  type DimUserRow,
  type DimVideoRow,
  type EventType,
  type RawEventRow,
  type SimEvent,
  type SimSlice,
  type VideoStatus,
} from "./rows";
export { Simulation, createSimulation, generateEvents } from "./simulation";
export { MIN_SESSION_GAP_MS } from "./traffic";
export { createWorld, userId, videoId, type World } from "./world";
