/**
 * The process `npm start` runs: one HTTP server for Next (pages, tRPC, auth routes) and the
 * collaboration websocket path. Start-up: check the environment, lock the data directory,
 * build if needed, migrate, seed, warm up, listen, print the URL.
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { env, EnvError } from "./env";
import { acquireDataDirLock, LockHeldError, type DataDirLock } from "./startup/lock";
import { ensureBuild } from "./startup/build";
import { prepareDatabase } from "./startup/database";
import { attachCollabUpgrade } from "./collab/upgrade";
import { createCollabServer, type CollabServer } from "./collab/server";
import { getDatabase, redactUrl, type Database } from "@/db/client";
import { JobRunner } from "./jobs/runner";
import { blobStore } from "./storage/blobs";
import { recomputeCaseAnalyses } from "./case-analysis/recompute";
import { isVolumeRequest, serveVolume } from "./imaging/volume-http";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const log = (line: string) => process.stdout.write(`mosaic: ${line}\n`);

async function main(): Promise<void> {
  const config = env();
  const lock: DataDirLock = acquireDataDirLock(config.dataDir);
  let database: Database | undefined;
  let collab: CollabServer | undefined;
  let jobs: JobRunner | undefined;
  const shutdown = async (code: number) => {
    try {
      // Sockets first: an update being stored is committed before the database closes.
      await collab?.close();
      await jobs?.stop();
      await database?.close();
    } finally {
      lock.release();
      process.exit(code);
    }
  };
  process.on("exit", () => lock.release());
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  try {
    if (!dev) ensureBuild(root, log);
    database = await prepareDatabase(config, log);
    const app = next({ dev, dir: root, hostname: config.host, port: config.port });
    await app.prepare();
    const handle = app.getRequestHandler();
    const store = blobStore(config.dataDir);
    // Scans are served beside Next rather than by it (server/imaging/volume-http.ts).
    const server = createServer((req, res) => void (isVolumeRequest(req) ? serveVolume({ db: getDatabase().db, store }, req, res) : handle(req, res)));
    collab = createCollabServer({ db: () => getDatabase().db });
    attachCollabUpgrade(server, () => getDatabase().db, collab.onConnection);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, resolve);
    });
    // Analyses run in worker threads off the request path, one at a time (2-core machines).
    jobs = new JobRunner({ db: () => getDatabase().db, blobs: blobStore(config.dataDir), workers: 1, log, onTimepointDone: (caseId) => recomputeCaseAnalyses(getDatabase().db, caseId) });
    await jobs.start();
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const where = config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `PGlite in ${path.join(config.dataDir, "pglite")}`;
    log(`database: ${where}${config.demo ? " (demo mode)" : ""}`);
    log(`ready on http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`);
  } catch (e) {
    process.stderr.write(`mosaic: ${e instanceof Error ? e.message : String(e)}\n`);
    await shutdown(1);
  }
}

try {
  env();
} catch (e) {
  if (e instanceof EnvError) {
    process.stderr.write(`mosaic: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
main().catch((e: unknown) => {
  const message = e instanceof LockHeldError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`mosaic: ${message}\n`);
  process.exit(1);
});
