/**
 * An in-process collaboration server for tests and the benchmark: a migrated database with the
 * demo seed (plus extra cases on the demo board when asked), one session per demo account, and
 * the real upgrade checks and rooms on port 0.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db, Database } from "@/db/client";
import { freshDatabase, testBackends, type TestBackend } from "@/db/testing";
import { createCase, createPatient } from "@/db/repositories/cases";
import { findUserByEmail } from "@/db/repositories/users";
import { seedDemo, type SeedResult } from "../../demo/seed";
import { demoAccounts } from "../../demo/story";
import { startSession } from "../../auth/sessions";
import { attachCollabUpgrade } from "../upgrade";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "../server";
import { cookieFor } from "./node-client";

export type DemoRole = (typeof demoAccounts)[number]["role"];
export interface SignedIn {
  id: string;
  name: string;
  role: DemoRole;
  token: string;
  cookie: string;
}

/** One session per demo account, by role. */
export async function signInDemoAccounts(db: Db): Promise<Record<DemoRole, SignedIn>> {
  const out = {} as Record<DemoRole, SignedIn>;
  for (const a of demoAccounts) {
    const user = (await findUserByEmail(db, a.email))!;
    const { token } = await startSession(db, user.id, "collab-test");
    out[a.role] = { id: user.id, name: user.name, role: a.role, token, cookie: cookieFor(token) };
  }
  return out;
}

/** `count` more cases on the board (rooms for tests that need many). */
export async function addCases(db: Db, boardId: string, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const patient = await createPatient(db, { pseudonym: `MOS-${tag}-${i}`, sex: "female", birthYear: 1960 });
    ids.push((await createCase(db, { patientId: patient.id, boardId, diagnosis: "Test case", primarySite: "—", histology: "—" })).id);
  }
  return ids;
}

export interface Harness {
  database: Database;
  seed: SeedResult;
  users: Record<DemoRole, SignedIn>;
  collab: CollabServer;
  server: Server;
  /** `ws://127.0.0.1:<port>/collab` */
  url: string;
  close(): Promise<void>;
}

export async function startHarness(opts: { backend?: TestBackend; collab?: Partial<CollabServerOptions> } = {}): Promise<Harness> {
  const database = await freshDatabase(opts.backend ?? testBackends()[0]!);
  const seed = await seedDemo(database.db);
  const users = await signInDemoAccounts(database.db);
  const collab = createCollabServer({ db: () => database.db, log: () => undefined, ...opts.collab });
  const server = createServer((_req, res) => res.end());
  attachCollabUpgrade(server, () => database.db, collab.onConnection);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    database,
    seed,
    users,
    collab,
    server,
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`,
    async close() {
      await collab.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await database.close();
    },
  };
}
