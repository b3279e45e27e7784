/**
 * PostgreSQL ending idle connections (a restart, an administrator, DROP DATABASE ... WITH (FORCE))
 * must not end the process: the pool drops them and opens new ones for the next query.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { freshDatabase, testBackends } from "./testing";
import type { Database } from "./client";

/** Rows of a raw query (the Db type unites PGlite and node-postgres, whose results differ in type, not in `rows`). */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const postgres = testBackends().find((b) => b.name === "postgresql");

describe.runIf(postgres)("PostgreSQL connections ended by the server", () => {
  let database: Database;
  let admin: import("pg").Client;
  beforeAll(async () => {
    database = await freshDatabase(postgres!);
    const { Client } = await import("pg");
    admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await database.close();
  });

  it("are replaced on the next query, without an uncaught error", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      // Several idle connections in the pool.
      await Promise.all(Array.from({ length: 4 }, () => database.db.execute(sql`select pg_sleep(0.05)`)));
      const name = rowsOf<{ name: string }>(await database.db.execute(sql`select current_database() as name`))[0]!.name;
      const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
      expect(killed.rowCount).toBeGreaterThan(0);
      // A query may still meet an ended connection before the pool has noticed; the pool then
      // drops it, and a retry gets a new one.
      let one: number | undefined;
      for (let attempt = 0; attempt < 20 && one === undefined; attempt++) {
        one = await database.db.execute(sql`select 1 as one`).then(
          (r) => rowsOf<{ one: number }>(r)[0]!.one,
          () => new Promise<undefined>((r) => setImmediate(() => r(undefined))),
        );
      }
      expect(one).toBe(1);
      // Idle connections the server ended have been seen by now (the retries above read from their sockets).
      await new Promise((r) => setImmediate(r));
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
