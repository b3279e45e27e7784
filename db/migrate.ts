import { fileURLToPath } from "node:url";
import path from "node:path";
import { migrateDatabase, type Database } from "./client";

/** The committed migrations folder, next to this file. */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrate(database: Database): Promise<void> {
  return migrateDatabase(database, migrationsFolder);
}
