/**
 * Makes sure a Chromium is there for the end-to-end tests: CHROMIUM_PATH, Debian's chromium, or
 * Playwright's own; otherwise installs Debian's package when running as root with apt, and
 * otherwise stops with the exact command to run.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { findChromium } from "../e2e/chromium";

function playwrightBrowser(): string | undefined {
  try {
    const p = chromium.executablePath();
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export function ensureChromium(): void {
  if (findChromium() || playwrightBrowser()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    process.stdout.write("npm test: no Chromium found; installing Debian's chromium package…\n");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" });
    if (install && install.status === 0 && findChromium()) return;
  }
  process.stderr.write(
    "npm test: no Chromium for the end-to-end tests. Install one with:\n" +
      "  sudo apt-get install -y chromium        (Debian/Ubuntu)\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome executable.\n",
  );
  process.exit(1);
}
