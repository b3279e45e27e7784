import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { acquireDataDirLock, LockHeldError } from "./lock";

const lockModule = path.join(import.meta.dirname, "lock.ts");

/** Starts a Node child that takes the lock and then waits; resolves once it holds it. */
function holdLockInChild(dir: string) {
  const code = `import { acquireDataDirLock } from ${JSON.stringify(lockModule)}; acquireDataDirLock(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.on("exit", (c) => reject(new Error(`child exited ${c}`)));
  });
  return { child, ready };
}

describe("data directory lock", () => {
  it("refuses a second holder while the first is alive, with a message that says what to do", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mosaic-lock-"));
    const { child, ready } = holdLockInChild(dir);
    await ready;
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(LockHeldError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by another Mosaic process \\(pid ${child.pid}`));
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process killed with SIGKILL", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mosaic-lock-"));
    const { child, ready } = holdLockInChild(dir);
    await ready;
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(existsSync(path.join(dir, "mosaic.lock"))).toBe(true);
    const lock = acquireDataDirLock(dir);
    lock.release();
    expect(existsSync(path.join(dir, "mosaic.lock"))).toBe(false);
  });

  it("treats an unreadable lock file as stale", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mosaic-lock-"));
    writeFileSync(path.join(dir, "mosaic.lock"), "{half-writ");
    acquireDataDirLock(dir).release();
  });
});
