/**
 * Opens the configured database for a CLI command, with the same rules as the server: the data
 * directory lock (a running Mosaic on PGlite owns its folder), migrations applied.
 */
import path from "node:path";
import { openDatabase, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { env } from "../env";
import { acquireDataDirLock, LockHeldError } from "../startup/lock";
import { CliError } from "./cli-error";

export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = env();
  let lock;
  if (!config.databaseUrl) {
    try {
      lock = acquireDataDirLock(config.dataDir);
    } catch (e) {
      if (e instanceof LockHeldError) throw new CliError(`${e.message}`);
      throw e;
    }
  }
  try {
    const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, "pglite") });
    try {
      await migrate(database);
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}
