/**
 * Collaboration benchmark (issue 6): round-trip latency of an annotation edit — from the
 * edit at one client to its arrival at each other client, through the server (which stores it
 * before relaying) — with 20 clients in one room and with 200 clients across 20 rooms, on
 * loopback; and the server's memory per room. The server is a separate process on a PGlite
 * folder (as in production), the clients are real y-websocket providers in this process.
 * Target: p99 under 50 ms at 20 clients in one room. Runs alone with `tsx bench/collab.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Y from "yjs";
import { addAnnotation } from "../server/collab/doc-ops";
import { startChildServer, type ChildServer } from "../server/collab/testing/child-process";
import { connectClient, type TestClient } from "../server/collab/testing/node-client";

const WARMUP_EDITS = 20;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Resolves with the arrival time of annotation `id` at `doc`. */
function arrival(doc: Y.Doc, id: string): Promise<number> {
  const map = doc.getMap("annotations");
  return new Promise((resolve) => {
    const check = () => {
      if (!map.has(id)) return;
      map.unobserve(check);
      resolve(performance.now());
    };
    map.observe(check);
  });
}

/**
 * `edits` annotation edits in one room, one after another from rotating senders; returns each
 * receiver's latency per edit (ms).
 */
async function roomRun(clients: TestClient[], userIds: string[], tag: string, edits: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let k = 0; k < edits; k++) {
    const from = k % clients.length;
    const id = `${tag}-${k}`;
    const waits = clients.filter((_, i) => i !== from).map((c) => arrival(c.doc, id));
    const t0 = performance.now();
    addAnnotation(clients[from]!.doc, { id, kind: "point", timepointId: "bench", points: [[k, k, k]], text: `edit ${k}` }, userIds[from % userIds.length]!);
    for (const t of await Promise.all(waits)) latencies.push(t - t0);
  }
  return latencies;
}

async function connectRoom(server: ChildServer, caseId: string, count: number): Promise<TestClient[]> {
  const users = Object.values(server.info.users);
  const clients = Array.from({ length: count }, (_, i) => connectClient(server.url, caseId, users[i % users.length]!.cookie));
  await Promise.all(clients.map((c) => c.synced(60_000)));
  return clients;
}

export async function runCollabBench(): Promise<Record<string, number>> {
  // Each Node provider adds a process "exit" listener; 200 of them are expected here.
  process.setMaxListeners(0);
  const dataDir = mkdtempSync(path.join(tmpdir(), "mosaic-collab-bench-"));
  const server = await startChildServer(dataDir, { cases: 21 });
  const userIds = Object.values(server.info.users).map((u) => u.id);
  const all: TestClient[] = [];
  try {
    await server.gc();
    const base = (await server.stats()).memory;

    // 20 clients in one room.
    const room = await connectRoom(server, server.info.cases[0]!, 20);
    all.push(...room);
    await roomRun(room, userIds, "warm", WARMUP_EDITS);
    const one = (await roomRun(room, userIds, "one", 300)).sort((a, b) => a - b);
    for (const c of room) c.destroy();

    // 200 clients across 20 rooms, editing in every room at once.
    const rooms = await Promise.all(server.info.cases.slice(1, 21).map((caseId) => connectRoom(server, caseId, 10)));
    all.push(...rooms.flat());
    await Promise.all(rooms.map((r, i) => roomRun(r, userIds, `warm${i}`, 5)));
    const many = (await Promise.all(rooms.map((r, i) => roomRun(r, userIds, `many${i}`, 30)))).flat().sort((a, b) => a - b);

    await server.gc();
    const loaded = await server.stats();
    // The JS heap holds the rooms (docs, awareness, sockets' state); PGlite's WASM memory is
    // outside it and does not grow with rooms.
    const perRoomKb = (loaded.memory.heapUsed - base.heapUsed) / 1024 / loaded.rooms;
    return {
      "annotation round trip p50, 20 clients in 1 room (ms)": round(percentile(one, 50)),
      "annotation round trip p99, 20 clients in 1 room (ms) [target < 50]": round(percentile(one, 99)),
      "annotation round trip max, 20 clients in 1 room (ms)": round(one.at(-1)!),
      "annotation round trip p50, 200 clients in 20 rooms (ms)": round(percentile(many, 50)),
      "annotation round trip p99, 200 clients in 20 rooms (ms)": round(percentile(many, 99)),
      "server JS heap per room, 10 clients and 35 annotations each (KiB)": Math.round(perRoomKb),
      "server resident memory with 20 rooms and 200 sockets (MiB)": Math.round(loaded.memory.rss / 2 ** 20),
      "round trips measured": one.length + many.length,
      // Latency tails follow the machine's load (2 shared cores): read them with this beside.
      "machine load average (1 min) at the end": round(loadavg()[0]!),
    };
  } finally {
    for (const c of all) c.destroy();
    server.process.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = await runCollabBench();
  console.table(Object.entries(results).map(([name, value]) => ({ name, value })));
}
