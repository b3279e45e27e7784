/**
 * `npm test`: type-check, lint, unit and integration tests (Vitest), then the end-to-end tests
 * (Playwright in Chromium). Stops at the first failing step with its exit code.
 */
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./chromium-setup";

const steps: [string, string, string[]][] = [
  ["type-check", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["unit and integration tests", "npx", ["vitest", "run"]],
];

function run(name: string, cmd: string, args: string[]): void {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(" ")}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`\nnpm test: ${name} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}

const only = process.argv[2];
for (const [name, cmd, args] of steps) if (!only || only === name) run(name, cmd, args);
if (!only || only === "e2e") {
  ensureChromium();
  run("end-to-end tests", "npx", ["playwright", "test"]);
}
process.stdout.write("\nnpm test: all steps passed\n");
