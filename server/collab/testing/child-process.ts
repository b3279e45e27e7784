/** Starts `child-server.ts` in its own Node process and talks to it (tests and the benchmark). */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { childProcessEnv } from "../../env";
import type { Database } from "@/db/client";
import type { DemoRole, SignedIn } from "./harness";

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "child-server.ts");
const root = path.join(path.dirname(entry), "..", "..", "..");

export interface ChildInfo {
  port: number;
  cases: string[];
  users: Record<DemoRole, SignedIn>;
}

export interface ChildServer {
  info: ChildInfo;
  process: ChildProcess;
  url: string;
  stats(): Promise<{ memory: NodeJS.MemoryUsage; rooms: number; connections: number }>;
  /** Forces a full garbage collection in the child (it runs with --expose-gc). */
  gc(): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * The URL a PostgreSQL test database was opened with, for a child server on the same database
 * (db/testing.ts creates one per suite and does not return its URL).
 */
export function postgresUrlOf(database: Database): string {
  const url = (database.db as unknown as { $client?: { options?: { connectionString?: string } } }).$client?.options?.connectionString;
  if (database.kind !== "postgresql" || !url) throw new Error("not a PostgreSQL database opened from a URL");
  return url;
}

/**
 * Spawns the server on a data directory (PGlite), or on PostgreSQL when `databaseUrl` is given,
 * and resolves once it printed READY.
 */
export function startChildServer(dataDir: string, opts: { cases?: number; databaseUrl?: string } = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", entry, "--cases", String(opts.cases ?? 0)], {
    cwd: root,
    env: childProcessEnv({ PORT: "0", HOST: "127.0.0.1", MOSAIC_DATA_DIR: dataDir, DATABASE_URL: opts.databaseUrl ?? "", MOSAIC_DEMO: "1" }),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const request = <T>(message: string, match: (m: unknown) => boolean): Promise<T> =>
    new Promise((resolve) => {
      const on = (m: unknown) => {
        if (!match(m)) return;
        child.off("message", on);
        resolve(m as T);
      };
      child.on("message", on);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("READY "));
      if (!line) return;
      const info = JSON.parse(line.slice(6)) as ChildInfo;
      resolve({
        info,
        process: child,
        url: `ws://127.0.0.1:${info.port}/collab`,
        stats: () => request("stats", (m) => typeof m === "object" && m !== null && "memory" in m),
        gc: () => request("gc", (m) => m === "gc-done"),
        exited,
      });
    });
    void exited.then((code) => reject(new Error(`the collab child exited (${code}) before it was ready:\n${stderr}`)));
  });
}
