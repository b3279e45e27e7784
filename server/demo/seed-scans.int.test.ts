/** Recovering the demo scans a first start did not finish storing (the seed itself is one transaction; the scans come after it). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { putVolume } from "@/db/repositories/imaging";
import { seedDemo, type SeedResult } from "./seed";
import { demoScansMissing } from "./seed-scans";
import { demoCases } from "./story";

for (const backend of testBackends()) {
  describe(`demo scans to recover on ${backend.name}`, () => {
    let database: Database;
    let seed: SeedResult;

    beforeAll(async () => {
      database = await freshDatabase(backend);
      seed = await seedDemo(database.db, new Date("2026-11-23T09:00:00Z"));
    });
    afterAll(() => database.close());

    it("lists every demo timepoint, in story order, while no scan is stored", async () => {
      const missing = await demoScansMissing(database.db);
      expect(missing.map((m) => m.slug)).toEqual(demoCases.map((c) => c.slug));
      for (const c of seed.cases) {
        expect(missing.find((m) => m.slug === c.slug)!.timepoints).toEqual(c.timepoints.map((t) => ({ id: t.id, index: t.index })));
      }
    });

    it("leaves out timepoints whose CT was stored before the interruption", async () => {
      const [first] = seed.cases;
      const stored = first!.timepoints.slice(0, 2);
      for (const tp of stored) {
        await putVolume(database.db, { timepointId: tp.id, kind: "image", sha256: "0".repeat(64), byteSize: 1, fileName: "ct.nii.gz", dims: [1, 1, 1], spacingMm: [1, 1, 1] });
      }
      // A segmentation alone does not count as the scan.
      await putVolume(database.db, { timepointId: first!.timepoints[2]!.id, kind: "segmentation", sha256: "1".repeat(64), byteSize: 1, fileName: "seg.nii.gz", dims: [1, 1, 1], spacingMm: [1, 1, 1] });
      const missing = await demoScansMissing(database.db);
      expect(missing.find((m) => m.slug === first!.slug)!.timepoints).toEqual(first!.timepoints.slice(2).map((t) => ({ id: t.id, index: t.index })));
      expect(missing).toHaveLength(3);
    });

    it("is empty once every demo timepoint has its CT", async () => {
      for (const c of seed.cases)
        for (const tp of c.timepoints)
          await putVolume(database.db, { timepointId: tp.id, kind: "image", sha256: "2".repeat(64), byteSize: 1, fileName: "ct.nii.gz", dims: [1, 1, 1], spacingMm: [1, 1, 1] });
      expect(await demoScansMissing(database.db)).toEqual([]);
    });
  });
}
