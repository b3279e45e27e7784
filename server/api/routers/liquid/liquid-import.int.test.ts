import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testBackends } from "@/db/testing";
import type { Database } from "@/db/client";
import { listLiquidSamples } from "@/db/repositories/liquid";
import { getCaseAnalyses } from "@/db/repositories/analyses";
import { seedDemo, type SeedResult } from "@/server/demo/seed";
import { login } from "@/server/auth/login";
import { SESSION_COOKIE } from "@/server/auth/sessions";
import { createCaller } from "../../root";
import { createContext } from "../../trpc";

describe("liquid-profiling import", () => {
  let database: Database;
  let seed: SeedResult;
  let api: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    database = await freshDatabase(testBackends()[0]!);
    seed = await seedDemo(database.db, new Date("2026-11-23T09:00:00Z"));
    const r = await login(database.db, { email: "oncologist@mosaic.demo", password: "mosaic-demo" }, { ip: "t" });
    if (!r.ok) throw new Error(r.error);
    api = createCaller(await createContext(`${SESSION_COOKIE}=${encodeURIComponent(r.token)}`));
  });
  afterAll(() => database.close());

  it("imports a CSV, stores every sample, and recomputes the case's liquid analysis", async () => {
    const caseId = seed.cases[1]!.caseId;
    const csv = [
      "date,analyte_type,gene,variant,analyte,value,unit,lod,detected",
      "2026-12-01,variant,EGFR,exon 19 deletion,,3.6,%,0.1,true",
      "2026-12-01,variant,EGFR,p.C797S,,1.4,%,0.1,true",
      "2026-12-01,marker,,,CEA,5.2,ng/mL,0.5,true",
    ].join("\r\n");
    expect(await api.liquid.import({ caseId, format: "csv", content: csv })).toEqual({ samples: 1, results: 3 });
    const samples = await listLiquidSamples(database.db, caseId);
    expect(samples.map((s) => s.date)).toEqual(["2026-05-28", "2026-08-24", "2026-11-16", "2026-12-01"]);
    expect(samples.at(-1)!.results).toContainEqual({ kind: "variant", analyte: "EGFR", variant: "p.C797S", detected: true, value: 1.4, unit: "%", lod: 0.1 });
    const liquid = (await getCaseAnalyses(database.db, caseId)).liquid!.result as { timepoints: { date: string }[] };
    expect(liquid.timepoints.map((t) => t.date)).toContain("2026-12-01");
  });

  it("refuses a CSV with one bad row whole, naming the row, and stores nothing", async () => {
    const caseId = seed.cases[0]!.caseId;
    const before = await listLiquidSamples(database.db, caseId);
    const csv = [
      "date,analyte_type,gene,variant,analyte,value,unit,lod,detected",
      "2026-12-02,marker,,,CEA,44,ng/mL,0.5,true",
      "2026-12-02,marker,,,CA 19-9,not-a-number,U/mL,,true",
    ].join("\n");
    await expect(api.liquid.import({ caseId, format: "csv", content: csv })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Nothing was imported: 1 problem\(s\)\. line 3: /) });
    expect(await listLiquidSamples(database.db, caseId)).toEqual(before);
  });

  it("imports a FHIR R4 Bundle of tumor-marker and ctDNA Observations", async () => {
    const caseId = seed.cases[0]!.caseId;
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          resource: {
            resourceType: "Observation",
            status: "final",
            code: { coding: [{ system: "http://loinc.org", code: "2039-6" }] },
            effectiveDateTime: "2026-12-03",
            valueQuantity: { value: 52, unit: "ng/mL" },
          },
        },
        {
          resource: {
            resourceType: "Observation",
            status: "final",
            code: { coding: [{ system: "http://loinc.org", code: "69548-6" }] },
            effectiveDateTime: "2026-12-03",
            component: [
              { code: { coding: [{ system: "http://loinc.org", code: "48018-6" }] }, valueCodeableConcept: { coding: [{ code: "HGNC:6407", display: "KRAS" }] } },
              { code: { coding: [{ system: "http://loinc.org", code: "48005-3" }] }, valueCodeableConcept: { text: "p.G12D" } },
              { code: { coding: [{ system: "http://loinc.org", code: "81258-6" }] }, valueQuantity: { value: 0.031, unit: "1" } },
            ],
          },
        },
      ],
    };
    const r = await api.liquid.import({ caseId, format: "fhir", content: JSON.stringify(bundle) });
    expect(r.samples).toBe(1);
    const last = (await listLiquidSamples(database.db, caseId)).at(-1)!;
    expect(last.date).toBe("2026-12-03");
    expect(last.results.find((x) => x.analyte === "CEA")).toMatchObject({ value: 52, unit: "ng/mL" });
    expect(last.results.find((x) => x.analyte === "KRAS")).toMatchObject({ variant: "p.G12D", detected: true });
  });

  it("refuses malformed JSON and a bundle with a bad entry, naming the entry", async () => {
    const caseId = seed.cases[0]!.caseId;
    await expect(api.liquid.import({ caseId, format: "fhir", content: "{not json" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("file: not valid JSON") });
    const bad = { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient" } }] };
    await expect(api.liquid.import({ caseId, format: "fhir", content: JSON.stringify(bad) })).rejects.toMatchObject({ message: expect.stringContaining("entry 0") });
  });
});
