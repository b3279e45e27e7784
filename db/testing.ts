/**
 * Test databases: an in-memory PGlite always, and a fresh PostgreSQL database per suite when
 * TEST_DATABASE_URL is set (created and dropped here), so one contract suite runs on both.
 */
import { randomBytes } from "node:crypto";
import { openDatabase, setDatabase, type Database } from "./client";
import { migrate } from "./migrate";

export interface TestBackend {
  name: "pglite" | "postgresql";
  open(): Promise<Database>;
}

function testDatabaseUrl(): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- test-only configuration, not the app's
  return process.env.TEST_DATABASE_URL || undefined;
}

async function openPostgres(baseUrl: string): Promise<Database> {
  const { Client } = await import("pg");
  const name = `mosaic_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** The backends to run storage suites against. */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: "pglite", open: () => openDatabase({}) }];
  const url = testDatabaseUrl();
  if (url) backends.push({ name: "postgresql", open: () => openPostgres(url) });
  return backends;
}

/** A migrated, empty database on a backend, registered as the process's database. */
export async function freshDatabase(backend: TestBackend): Promise<Database> {
  const database = await backend.open();
  await migrate(database);
  setDatabase(database);
  return database;
}
