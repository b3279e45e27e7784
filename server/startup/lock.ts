/**
 * One process per data directory: two processes on one PGlite folder lose writes silently
 * (STACK.md). The lock file holds the owner's pid; a lock whose process is gone (kill -9) is
 * stale and taken over.
 */
import { openSync, writeSync, closeSync, readFileSync, unlinkSync, mkdirSync } from "node:fs";
import path from "node:path";

export class LockHeldError extends Error {}

export interface DataDirLock {
  file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A recycled pid that now belongs to something that is not Node is not our owner.
  try {
    return /node|tsx|mosaic/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "mosaic.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            const owner = JSON.parse(readFileSync(file, "utf8")) as { pid: number };
            if (owner.pid === process.pid) unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let owner: { pid?: number; startedAt?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        // Unreadable or half-written lock: treat as stale.
      }
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new LockHeldError(
          `the data directory ${dataDir} is in use by another Mosaic process (pid ${owner.pid}, since ${owner.startedAt ?? "?"}); stop it first, or set MOSAIC_DATA_DIR to another folder`,
        );
      }
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it first; try again.
      }
    }
  }
  throw new LockHeldError(`could not take the lock ${file}`);
}
