/**
 * The only place that opens a database: PGlite in the data directory by default, PostgreSQL
 * through node-postgres when DATABASE_URL is set. The instance lives on globalThis so that
 * Next's bundled route code reuses the one the custom server opened.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite. */
  databaseUrl?: string;
  /** PGlite folder; when absent (and no URL), an in-memory PGlite (tests). */
  pgliteDir?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server ends (a PostgreSQL restart, an administrator, DROP DATABASE
    // ... WITH (FORCE)) is dropped from the pool and replaced on the next query; unhandled, pg
    // would throw it and end the process.
    pool.on("error", (e: Error) => process.stderr.write(`mosaic: a PostgreSQL connection was closed by the server (${e.message}); it will be reopened when needed\n`));
    // Fail fast with a clear message rather than on the first request.
    const client = await pool.connect().catch((e: Error) => {
      throw new Error(`cannot connect to PostgreSQL (${redactUrl(opts.databaseUrl!)}): ${e.message}`);
    });
    client.release();
    return { db: drizzle(pool, { schema }) as unknown as Db, kind: "postgresql", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let client;
  if (opts.pgliteDir) {
    mkdirSync(path.dirname(opts.pgliteDir), { recursive: true });
    client = new PGlite(opts.pgliteDir);
  } else {
    client = new PGlite();
  }
  await client.waitReady;
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** Applies the committed drizzle-kit migrations. */
export async function migrateDatabase(database: Database, migrationsFolder: string): Promise<void> {
  if (database.kind === "postgresql") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder });
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

const globalKey = Symbol.for("mosaic.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Database };

/** Registers the process's database (called once by server/main.ts or a test). */
export function setDatabase(database: Database | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = database;
}

/** The process's database; throws when start-up has not opened one. */
export function getDatabase(): Database {
  const database = (globalThis as GlobalWithDb)[globalKey];
  if (!database) throw new Error("database not initialised: start Mosaic with `npm start`");
  return database;
}
