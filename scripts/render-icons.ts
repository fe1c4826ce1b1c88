/**
 * `npm run icons`: renders app/icon.svg into the static icons in public/ with Debian's Chromium
 * (the browser the e2e suite uses; no image tool needed): favicon.ico (16, 32, 48 px), the web app
 * manifest's icon-192.png, icon-512.png and icon-maskable-512.png (the mark inside the safe zone on
 * the page colour), and apple-touch-icon.png (180 px). Run it after changing the icon; the files are
 * committed, so nothing renders at build or start.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { toolsConfig } from "../lib/config/tools";
import { REPO_ROOT } from "../lib/lakehouse/settings";
import { packIco } from "../tools/icons/ico";

const svg = fs.readFileSync(path.join(REPO_ROOT, "app", "icon.svg"), "utf8");
const out = (name: string) => path.join(REPO_ROOT, "public", name);

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: toolsConfig().PULSE_CHROMIUM });
  try {
    const page = await browser.newPage();
    /** The icon at `size` px, `padding` (a fraction of the size) of background round it for maskable icons. */
    const render = async (size: number, background: string | null = null, padding = 0) => {
      await page.setViewportSize({ width: size, height: size });
      const inner = Math.round(size * (1 - 2 * padding));
      await page.setContent(
        `<html><body style="margin:0;background:${background ?? "transparent"};display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px">` +
          `<div style="width:${inner}px;height:${inner}px">${svg.replace("<svg ", '<svg width="100%" height="100%" ')}</div></body></html>`,
      );
      return page.screenshot({ omitBackground: background === null, type: "png" });
    };
    // One page renders one size at a time (each sets the viewport).
    const images = [];
    for (const size of [16, 32, 48]) images.push({ size, png: await render(size) });
    const ico = packIco(images);
    fs.writeFileSync(out("favicon.ico"), ico);
    fs.writeFileSync(out("icon-192.png"), await render(192));
    fs.writeFileSync(out("icon-512.png"), await render(512));
    // Maskable: launchers crop to a circle or squircle; the mark stays inside the central 80 %.
    fs.writeFileSync(out("icon-maskable-512.png"), await render(512, "#f8fafc", 0.1));
    fs.writeFileSync(out("apple-touch-icon.png"), await render(180, "#f8fafc", 0.08));
    for (const f of ["favicon.ico", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"]) {
      console.log(`[icons] public/${f}: ${fs.statSync(out(f)).size} bytes`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`[icons] ${(err as Error).message}`);
  process.exit(1);
});
