/**
 * `npm start` builds when the Next build is missing or stale: the build stamps a hash of the
 * sources it was made from, and a different hash means a rebuild.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { childProcessEnv } from "../env";

const SOURCES = ["app", "components", "server", "db", "package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "__fixtures__", "migrations"]);

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    out.push(rel);
    return;
  }
  for (const name of readdirSync(full).sort()) {
    if (SKIP.has(name) || name.endsWith(".test.ts")) continue;
    walk(root, path.join(rel, name), out);
  }
}

export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const s of SOURCES) walk(root, s, files);
  const h = createHash("sha256");
  for (const f of files) {
    h.update(f);
    h.update(readFileSync(path.join(root, f)));
  }
  return h.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "mosaic-source-hash");

export function buildIsCurrent(root: string): boolean {
  const stamp = stampFile(root);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash(root);
}

/** Runs `next build` when needed; throws with the build's exit status on failure. */
export function ensureBuild(root: string, log: (line: string) => void): void {
  if (buildIsCurrent(root)) return;
  log("building the web app (first start, or the sources changed)…");
  const hash = sourceHash(root);
  const next = path.join(root, "node_modules", ".bin", "next");
  const result = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: childProcessEnv({ NEXT_TELEMETRY_DISABLED: "1" }) });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  writeFileSync(stampFile(root), hash);
}
