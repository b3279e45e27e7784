import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { seedDemo, type SeedResult } from "../demo/seed";
import { login } from "../auth/login";
import { SESSION_COOKIE } from "../auth/sessions";
import { createUser } from "@/db/repositories/users";
import { hashPassword } from "../auth/passwords";
import { attachCollabUpgrade, CLOSE_FORBIDDEN, CLOSE_NO_SESSION, roomFromPath } from "./upgrade";

/** Connects and reports the close code and whether any message arrived before it. */
function connect(url: string, cookie?: string): Promise<{ code: number; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    let messages = 0;
    ws.on("message", () => messages++);
    ws.on("close", (code) => resolve({ code, messages }));
    ws.on("error", reject);
  });
}

describe("collab upgrade refusals", () => {
  let database: Database;
  let seed: SeedResult;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    database = await freshDatabase(testBackends()[0]!);
    seed = await seedDemo(database.db);
    server = createServer((_req, res) => res.end());
    attachCollabUpgrade(server, () => database.db);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab/`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it("parses only case rooms with a uuid", () => {
    expect(roomFromPath("/collab/case:0b7e4d3c-1f2a-4b5c-8d9e-0f1a2b3c4d5e?x=1")).toEqual({ room: "case:0b7e4d3c-1f2a-4b5c-8d9e-0f1a2b3c4d5e", caseId: "0b7e4d3c-1f2a-4b5c-8d9e-0f1a2b3c4d5e" });
    expect(roomFromPath("/collab/case:../../etc")).toBeUndefined();
    expect(roomFromPath("/api/trpc")).toBeUndefined();
  });

  it("closes with 4401 and no document data when there is no session", async () => {
    expect(await connect(`${base}case:${seed.cases[0]!.caseId}`)).toEqual({ code: CLOSE_NO_SESSION, messages: 0 });
    expect(await connect(`${base}case:${seed.cases[0]!.caseId}`, `${SESSION_COOKIE}=forged`)).toEqual({ code: CLOSE_NO_SESSION, messages: 0 });
  });

  it("closes with 4403 and no document data for a user without access to the case", async () => {
    await createUser(database.db, { email: "visitor@hospital.example", name: "Visitor", role: "surgeon", passwordHash: await hashPassword("visitor-password") });
    const r = await login(database.db, { email: "visitor@hospital.example", password: "visitor-password" }, { ip: "t" });
    if (!r.ok) throw new Error(r.error);
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(r.token)}`;
    expect(await connect(`${base}case:${seed.cases[0]!.caseId}`, cookie)).toEqual({ code: CLOSE_FORBIDDEN, messages: 0 });
  });
});
