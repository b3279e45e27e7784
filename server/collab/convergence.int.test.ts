/**
 * Convergence through the real server (Yjs's applyRandomTests and tldraw's syncFuzz idea):
 * four participants make seeded random edits to every shared type while randomly
 * disconnecting and reconnecting, including edits C13 forbids (which the server undoes); at the
 * end every document, a fresh client's copy while the room is live, and a fresh client's copy
 * loaded back from the compacted store, are identical, and no forbidden edit is left.
 * On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. Reproduce a failure with
 * COLLAB_SEED=<seed>; COLLAB_SEEDS=<n> runs n seeds on each backend.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import * as prng from "lib0/prng";
import { countCollabUpdates } from "@/db/repositories/collab";
import { testBackends } from "@/db/testing";
import { readAnnotations, readBiopsyMarks, readThreads, roomName } from "./doc-shape";
import { addCases, startHarness, type Harness } from "./testing/harness";
import { connectClient, waitFor, type TestClient } from "./testing/node-client";
import { docSnapshot, FORBIDDEN_MARK, randomEdit } from "./testing/random-edits";

const only = process.env.COLLAB_SEED;
const seeds = only ? [Number(only)] : Array.from({ length: Number(process.env.COLLAB_SEEDS ?? 24) }, (_, i) => i + 1);
const STEPS = 60;

/** What C13 leaves: no text of a forbidden edit, and biopsy marks only by the pathologist. */
function forbiddenLeft(doc: Y.Doc, pathologistId: string): string[] {
  const texts = [...readAnnotations(doc).map((a) => a.text), ...readThreads(doc).flatMap((t) => t.comments.map((c) => c.text))];
  return [
    ...texts.filter((t) => t.includes(FORBIDDEN_MARK)),
    ...readBiopsyMarks(doc)
      .filter((m) => m.authorId !== pathologistId || (m.updatedBy ?? m.authorId) !== pathologistId)
      .map((m) => `biopsy mark ${m.id} by ${m.authorId}/${m.updatedBy}`),
  ];
}

for (const backend of testBackends()) {
  describe(`convergence through the server on ${backend.name}`, () => {
    let h: Harness;
    let cases: string[];
    beforeAll(async () => {
      // A low threshold, so compaction also runs while participants edit.
      h = await startHarness({ backend, collab: { compactEvery: 15 } });
      cases = await addCases(h.database.db, h.seed.boardId, seeds.length, "CNV");
    });
    afterAll(() => h.close());

    async function run(seed: number, caseId: string): Promise<void> {
      const g = prng.create(seed);
      const people = [h.users.radiologist, h.users.pathologist, h.users.oncologist, h.users.coordinator];
      const clients: TestClient[] = people.map((p) => connectClient(h.url, caseId, p.cookie));
      const opened: TestClient[] = [...clients];
      try {
        await Promise.all(clients.map((c) => c.synced()));
        let now = 1_700_000_000_000;
        for (let step = 0; step < STEPS; step++) {
          const i = prng.int31(g, 0, clients.length - 1);
          const c = clients[i]!;
          const roll = prng.int31(g, 0, 9);
          if (roll === 0 && c.provider.shouldConnect) c.provider.disconnect();
          else if (roll === 1 && !c.provider.shouldConnect) c.provider.connect();
          else randomEdit(g, c.doc, people[i]!, (now += prng.int31(g, 1, 1000)), { forbidden: true });
          if (prng.int31(g, 0, 3) === 0) await new Promise((r) => setTimeout(r, prng.int31(g, 0, 8)));
        }
        for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
        await Promise.all(clients.map((c) => c.synced()));
        await waitFor(() => new Set(clients.map((c) => docSnapshot(c.doc))).size === 1, "all participants to converge");
        const converged = docSnapshot(clients[0]!.doc);
        expect(forbiddenLeft(clients[0]!.doc, h.users.pathologist.id), "forbidden edits left (C13)").toEqual([]);

        const live = connectClient(h.url, caseId, h.users.radiologist.cookie);
        opened.push(live);
        await live.synced();
        expect(docSnapshot(live.doc), "a fresh client while the room is live").toBe(converged);

        for (const c of opened) c.destroy();
        // The room empties and compacts to one row; a fresh client then loads it from storage.
        await waitFor(() => h.collab.stats().connections === 0, "sockets to close");
        await h.collab.idle();
        const fromStore = connectClient(h.url, caseId, h.users.pathologist.cookie);
        opened.push(fromStore);
        await fromStore.synced();
        expect(docSnapshot(fromStore.doc), "a fresh client after the room was compacted").toBe(converged);
        expect(await countCollabUpdates(h.database.db, roomName(caseId))).toBe(1);
      } finally {
        for (const c of opened) c.destroy();
        await waitFor(() => h.collab.stats().connections === 0, "sockets to close");
      }
    }

    it(`[C3][C8][C13] converges for seeds ${seeds[0]}..${seeds.at(-1)}`, { timeout: 120_000 }, async () => {
      for (const [i, seed] of seeds.entries()) {
        try {
          await run(seed, cases[i]!);
        } catch (e) {
          const message = `convergence failed on ${backend.name} for seed ${seed} (reproduce: COLLAB_SEED=${seed} npx vitest run server/collab/convergence): ${(e as Error).message}`;
          console.error(message);
          throw new Error(message, { cause: e });
        }
      }
    });
  });
}
