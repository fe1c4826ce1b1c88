/**
 * InstanceSettings for unit tests of pure functions (configuration renderers, profile rules): one
 * made-up instance whose every value a test can read in its expectations, overridden per test.
 * Nothing here is a real port or folder.
 */
import type { InstanceSettings } from "../../lib/lakehouse/settings";

export const instanceSettingsFixture = (overrides: Partial<InstanceSettings> = {}): InstanceSettings => ({
  name: "test",
  catalog: "lakehouse",
  port: 18999,
  pgPort: 15999,
  dir: "/tmp/pulse-x",
  heapGb: 4,
  velocityWindowMinutes: 15,
  maintenanceMinRetention: "0s",
  storage: "local",
  workers: 0,
  s3Port: 19008,
  dashboardMaxQueries: 4,
  ...overrides,
});
