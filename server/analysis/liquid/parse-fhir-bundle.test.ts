// FHIR R4 Observations: tumor markers by LOINC; ctDNA variants as LOINC 69548-6 with components
// 48018-6 (gene), 48005-3 / 48004-6 (HGVS) and 81258-6 (allelic frequency), per the HL7 Genomics
// Reporting IG.
import { describe, expect, it } from "vitest";
import { parseFhirBundle } from "./parse-fhir-bundle";

const loinc = (code: string, display?: string) => ({ coding: [{ system: "http://loinc.org", code, display }] });
const cea = (date: string, value: number, extra: Record<string, unknown> = {}) => ({
  resource: { resourceType: "Observation", status: "final", code: loinc("2039-6"), effectiveDateTime: date, valueQuantity: { value, unit: "ng/mL", ...extra } },
});
const variant = (date: string, call: "LA9633-4" | "LA9634-2" | null, af?: { value: number; code: string }) => ({
  resource: {
    resourceType: "Observation",
    status: "final",
    code: loinc("69548-6"),
    effectiveDateTime: date,
    ...(call ? { valueCodeableConcept: loinc(call) } : {}),
    component: [
      { code: loinc("48018-6"), valueCodeableConcept: { coding: [{ system: "http://www.genenames.org/geneId", code: "HGNC:6407", display: "KRAS" }] } },
      { code: loinc("48005-3"), valueCodeableConcept: { text: "p.G12D" } },
      ...(af ? [{ code: loinc("81258-6"), valueQuantity: { value: af.value, system: "http://unitsofmeasure.org", code: af.code } }] : []),
    ],
  },
});
const bundle = (entry: unknown[]) => ({ resourceType: "Bundle", type: "collection", entry });

describe("FHIR bundle import", () => {
  it("[F1] [F2] [F3] markers by LOINC, variants with allelic frequency as fraction or %, absent variants, '<' values", () => {
    const r = parseFhirBundle(
      bundle([
        cea("2025-01-06T09:30:00+01:00", 86),
        variant("2025-01-06", "LA9634-2"),
        variant("2025-03-06", "LA9633-4", { value: 0.004, code: "1" }),
        variant("2025-05-06", null, { value: 2.1, code: "%" }),
        cea("2025-03-06", 0.5, { comparator: "<" }),
      ]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows[0]).toMatchObject({ date: "2025-01-06", analyteType: "marker", analyte: "CEA", value: 86, unit: "ng/mL", detected: true });
    expect(r.rows[1]).toMatchObject({ analyte: "KRAS p.G12D", detected: false, value: null });
    expect(r.rows[2]!.value).toBeCloseTo(0.4, 12);
    expect(r.rows[3]).toMatchObject({ value: 2.1, detected: true });
    expect(r.rows[4]).toMatchObject({ value: null, lod: 0.5, detected: false });
  });

  it("[F4] all-or-nothing: every rejected entry is reported with its index and reason", () => {
    const r = parseFhirBundle(
      bundle([
        cea("2025-01-06", 5),
        { resource: { resourceType: "Patient" } },
        { resource: { ...cea("2025-01-06", 5).resource, status: "entered-in-error" } },
        { resource: { ...cea("2025-01-06", 5).resource, code: loinc("718-7") } },
        { resource: { ...cea("2025-01", 5).resource } },
        variant("2025-01-06", "LA9633-4"),
        variant("2025-01-06", "LA9633-4", { value: 5, code: "%25" }),
        cea("2025-01-06", 6),
        { resource: { ...cea("2025-02-06", 5).resource, valueQuantity: { value: "5", unit: "ng/mL" } } },
        null,
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const reason = (i: number) => r.errors.find((e) => e.index === i)!.reason;
    expect(reason(1)).toMatch(/Patient" is not Observation/);
    expect(reason(2)).toMatch(/status "entered-in-error"/);
    expect(reason(3)).toMatch(/unsupported LOINC code 718-7/);
    expect(reason(4)).toMatch(/effectiveDateTime/);
    expect(reason(5)).toMatch(/needs component 81258-6/);
    expect(reason(6)).toMatch(/unit must be "%" or "1"/);
    expect(reason(7)).toMatch(/CEA on 2025-01-06 is already given \(entry 0\)/);
    expect(reason(8)).toMatch(/valueQuantity.value must be a number/);
    expect(reason(9)).toMatch(/no resource/);
  });

  it("[F4] not a bundle, or an empty one, is one error at index -1; hostile gene text is rejected", () => {
    expect(parseFhirBundle({ resourceType: "Observation" })).toEqual({ ok: false, errors: [{ index: -1, reason: expect.stringMatching(/not a FHIR Bundle/) }] });
    expect(parseFhirBundle(bundle([]))).toMatchObject({ ok: false, errors: [{ index: -1 }] });
    const hostile = variant("2025-01-06", "LA9634-2");
    (hostile.resource.component[0]!.valueCodeableConcept as { coding: { display: string }[] }).coding[0]!.display = "KRAS\u202E";
    expect(parseFhirBundle(bundle([hostile]))).toMatchObject({ ok: false, errors: [{ index: 0, reason: expect.stringMatching(/control or bidirectional/) }] });
  });
});
