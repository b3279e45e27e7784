/** Opens the configured database, migrates it, seeds the demo when empty, and warms it up. */
import path from "node:path";
import { openDatabase, setDatabase, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { countUsers } from "@/db/repositories/users";
import { ping } from "@/db/repositories/health";
import { deleteExpiredSessions } from "@/db/repositories/sessions";
import type { Env } from "../env";
import { seedDemo } from "../demo/seed";
import { recomputeCaseAnalyses } from "../case-analysis/recompute";
import { demoScansMissing, seedDemoScans } from "../demo/seed-scans";
import { blobStore } from "../storage/blobs";

export async function prepareDatabase(config: Env, log: (line: string) => void): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, "pglite") },
  );
  await migrate(database);
  if (config.demo && (await countUsers(database.db)) === 0) {
    log("seeding the demo board…");
    const seeded = await seedDemo(database.db);
    for (const c of seeded.cases) await recomputeCaseAnalyses(database.db, c.caseId);
    await seedDemoScans(database.db, blobStore(config.dataDir), seeded.cases, config.dataDir, log);
  } else if (config.demo) {
    // A first start stopped before every demo scan was stored: finish the job.
    const missing = await demoScansMissing(database.db);
    if (missing.length > 0) {
      log("storing the demo scans an earlier start did not finish…");
      await seedDemoScans(database.db, blobStore(config.dataDir), missing, config.dataDir, log);
    }
  }
  // Warm-up: the first queries on a fresh PGlite are slow; pay that here, not on a request.
  await ping(database.db);
  await countUsers(database.db);
  await deleteExpiredSessions(database.db, new Date());
  setDatabase(database);
  return database;
}
