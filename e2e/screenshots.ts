/** Saves a screenshot as a test attachment and under test-results/screenshots/<name>.png. */
import fs from "node:fs";
import type { Page, TestInfo } from "@playwright/test";

/** The full scrollable page, or with `screen` just the viewport (a wall screen, as the room sees it). */
export async function shot(page: Page, info: TestInfo, name: string, { screen = false } = {}): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: !screen });
  await info.attach(name, { path, contentType: "image/png" });
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  fs.copyFileSync(path, `test-results/screenshots/${name}.png`);
}
