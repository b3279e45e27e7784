/**
 * The collaboration server on its own HTTP server (DESIGN.md §3: collab servers placed by case
 * id), using the same modules as `server/main.ts`: environment, data-directory lock, database,
 * migrations, upgrade checks and rooms. It does not seed: the web server prepares the database.
 * `tsx server/collab/standalone.ts` serves `ws://$HOST:$PORT/collab/case:<id>` until
 * SIGINT/SIGTERM.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { env, type Env } from "../env";
import path from "node:path";
import { acquireDataDirLock, type DataDirLock } from "../startup/lock";
import { openDatabase, setDatabase, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { attachCollabUpgrade } from "./upgrade";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "./server";

export interface Standalone {
  server: Server;
  collab: CollabServer;
  database: Database;
  port: number;
  close(): Promise<void>;
}

/** `prepare` runs after the migrations (the test entry seeds there). */
export async function startStandalone(
  config: Env,
  log: (line: string) => void,
  options: Partial<CollabServerOptions> & { prepare?: (database: Database) => Promise<void> } = {},
): Promise<Standalone> {
  // Only PGlite needs the lock: one process per folder (STACK.md).
  const lock: DataDirLock | undefined = config.databaseUrl ? undefined : acquireDataDirLock(config.dataDir);
  try {
    const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, "pglite") });
    await migrate(database);
    setDatabase(database);
    await options.prepare?.(database);
    const collab = createCollabServer({ db: () => database.db, log, ...options });
    const server = createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    attachCollabUpgrade(server, () => database.db, collab.onConnection);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, resolve);
    });
    return {
      server,
      collab,
      database,
      port: (server.address() as AddressInfo).port,
      async close() {
        await collab.close();
        await new Promise((r) => server.close(r));
        await database.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const log = (line: string) => process.stdout.write(`mosaic collab: ${line}\n`);
  startStandalone(env(), log).then(
    (s) => {
      log(`ready on ws://${env().host}:${s.port}/collab/`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (e: Error) => {
      process.stderr.write(`mosaic collab: ${e.message}\n`);
      process.exit(1);
    },
  );
}
