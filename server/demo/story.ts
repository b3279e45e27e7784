/**
 * The demo board's story (shared/DEMO.md) as data: the one source for the seed, the scan
 * generator, the liquid-profiling series and the tests that check the analyses' flags.
 * Days are relative to the start of the current therapy line (day 0).
 */

export type DemoTexture = "necrotic-core" | "homogeneous-hypodense" | "rim-enhancing" | "solid-nodule" | "lymph-node" | "subcutaneous" | "adrenal";

export interface DemoLesion {
  /** Tracking id shown to the board, stable across timepoints (e.g. "L1"). */
  key: string;
  /** Label value in every timepoint's segmentation. */
  label: number;
  site: string;
  organ: "liver" | "lung" | "lymph node" | "adrenal" | "soft tissue";
  isLymphNode: boolean;
  texture: DemoTexture;
  /** Longest axial diameter (short axis for nodes) in mm per timepoint; null: not present yet; 0: gone. */
  sizesMm: (number | null)[];
  /** The RECIST 1.1 role the story assigns at baseline ("new" for lesions that appear later). */
  recistRole: "target" | "non-target" | "new";
}

export interface DemoAnalyte {
  kind: "variant" | "marker";
  /** Gene for variants, marker name otherwise (e.g. "CEA"). */
  name: string;
  /** Protein change for variants (e.g. "p.G12D"). */
  variant?: string;
  unit: string;
  /** Limit of detection in the analyte's unit (VAF % for variants). */
  lod: number;
  /** One value per liquid sample day; null: not detected. */
  values: (number | null)[];
}

export interface DemoCase {
  slug: string;
  pseudonym: string;
  sex: "male" | "female";
  birthYear: number;
  diagnosis: string;
  primarySite: string;
  histology: string;
  molecular: string;
  stage: string;
  therapy: { name: string; line: number; intent: string; startDay: number };
  question: string;
  /** CT timepoint days relative to therapy start. */
  imagingDays: number[];
  lesions: DemoLesion[];
  liquidDays: number[];
  analytes: DemoAnalyte[];
}

export const demoBoard = {
  name: "Thoracic & GI tumor board",
  /** The last imaging timepoint of each case lies this many days before the meeting (DEMO.md: 1-3 weeks). */
  lastTimepointDaysBeforeMeeting: 10,
} as const;

export const demoAccounts = [
  { email: "coordinator@mosaic.demo", name: "Dr. Clara Brandt", role: "coordinator" },
  { email: "radiologist@mosaic.demo", name: "Dr. Ravi Menon", role: "radiologist" },
  { email: "pathologist@mosaic.demo", name: "Dr. Paula Okafor", role: "pathologist" },
  { email: "oncologist@mosaic.demo", name: "Dr. Oskar Lindqvist", role: "oncologist" },
] as const;

export const demoPassword = "mosaic-demo";

export const demoCases: DemoCase[] = [
  {
    slug: "crc-anti-egfr",
    pseudonym: "MOS-CRC-0417",
    sex: "male",
    birthYear: 1963,
    diagnosis: "Metastatic colorectal cancer",
    primarySite: "Sigmoid colon",
    histology: "Adenocarcinoma",
    molecular: "RAS/BRAF wild-type at diagnosis",
    stage: "IV (liver, lung)",
    therapy: { name: "FOLFIRI + cetuximab", line: 1, intent: "palliative", startDay: 0 },
    question:
      "Mixed response with rising CEA and KRAS emergence under FOLFIRI/cetuximab — change systemic therapy, treat L3 locally, biopsy L3?",
    imagingDays: [-10, 63, 147, 231],
    lesions: [
      { key: "L1", label: 1, site: "Liver segment VII", organ: "liver", isLymphNode: false, texture: "necrotic-core", sizesMm: [42, 28, 24, 23], recistRole: "target" },
      { key: "L2", label: 2, site: "Liver segment IVa", organ: "liver", isLymphNode: false, texture: "homogeneous-hypodense", sizesMm: [31, 19, 15, 14], recistRole: "target" },
      { key: "L3", label: 3, site: "Liver segment II", organ: "liver", isLymphNode: false, texture: "rim-enhancing", sizesMm: [24, 18, 23, 31], recistRole: "non-target" },
      { key: "L4", label: 4, site: "Right lower lobe", organ: "lung", isLymphNode: false, texture: "solid-nodule", sizesMm: [14, 13, 13, 14], recistRole: "target" },
      { key: "L5", label: 5, site: "Liver segment VI", organ: "liver", isLymphNode: false, texture: "homogeneous-hypodense", sizesMm: [null, null, null, 12], recistRole: "new" },
    ],
    liquidDays: [-10, 63, 147, 231],
    analytes: [
      { kind: "variant", name: "APC", variant: "p.R876*", unit: "%", lod: 0.1, values: [18.0, 4.1, 3.2, 6.3] },
      { kind: "variant", name: "TP53", variant: "p.R175H", unit: "%", lod: 0.1, values: [15.2, 3.3, 2.9, 5.4] },
      { kind: "variant", name: "KRAS", variant: "p.G12D", unit: "%", lod: 0.1, values: [null, null, 0.4, 2.1] },
      { kind: "marker", name: "CEA", unit: "ng/mL", lod: 0.5, values: [86, 22, 18, 41] },
    ],
  },
  {
    slug: "nsclc-osimertinib",
    pseudonym: "MOS-LUN-0952",
    sex: "female",
    birthYear: 1968,
    diagnosis: "EGFR-mutant lung adenocarcinoma",
    primarySite: "Right upper lobe",
    histology: "Adenocarcinoma",
    molecular: "EGFR exon 19 deletion",
    stage: "IV (adrenal, mediastinal nodes)",
    therapy: { name: "Osimertinib", line: 1, intent: "palliative", startDay: 0 },
    question: "Adrenal oligoprogression with C797S — local therapy of A1 and continue osimertinib, or switch?",
    imagingDays: [-11, 77, 161],
    lesions: [
      { key: "P1", label: 1, site: "Right upper lobe (primary)", organ: "lung", isLymphNode: false, texture: "solid-nodule", sizesMm: [38, 24, 22], recistRole: "target" },
      { key: "N1", label: 2, site: "Mediastinal lymph node 4R", organ: "lymph node", isLymphNode: true, texture: "lymph-node", sizesMm: [17, 9, 9], recistRole: "target" },
      { key: "A1", label: 3, site: "Left adrenal", organ: "adrenal", isLymphNode: false, texture: "adrenal", sizesMm: [22, 14, 19], recistRole: "target" },
      { key: "R1", label: 4, site: "Right lung nodule (middle lobe)", organ: "lung", isLymphNode: false, texture: "solid-nodule", sizesMm: [6, 6, 6], recistRole: "non-target" },
      { key: "R2", label: 5, site: "Right lung nodule (lower lobe)", organ: "lung", isLymphNode: false, texture: "solid-nodule", sizesMm: [6, 6, 6], recistRole: "non-target" },
    ],
    liquidDays: [-11, 77, 161],
    analytes: [
      { kind: "variant", name: "EGFR", variant: "exon 19 deletion", unit: "%", lod: 0.1, values: [6.2, 0.3, 1.8] },
      { kind: "variant", name: "EGFR", variant: "p.C797S", unit: "%", lod: 0.1, values: [null, null, 0.5] },
    ],
  },
  {
    slug: "melanoma-ici",
    pseudonym: "MOS-MEL-1288",
    sex: "male",
    birthYear: 1979,
    diagnosis: "Metastatic cutaneous melanoma",
    primarySite: "Skin of the back",
    histology: "Cutaneous melanoma",
    molecular: "BRAF V600E",
    stage: "IV (M1c: subcutaneous, liver, nodal, lung)",
    therapy: { name: "Ipilimumab + nivolumab", line: 1, intent: "palliative", startDay: 0 },
    question: "Progression or pseudoprogression at +70 — continue immunotherapy?",
    imagingDays: [-7, 70, 126],
    lesions: [
      { key: "S1", label: 1, site: "Subcutaneous, back", organ: "soft tissue", isLymphNode: false, texture: "subcutaneous", sizesMm: [28, 24, 14], recistRole: "target" },
      { key: "H1", label: 2, site: "Liver segment VIII", organ: "liver", isLymphNode: false, texture: "necrotic-core", sizesMm: [35, 41, 26], recistRole: "target" },
      { key: "N1", label: 3, site: "Right axillary lymph node", organ: "lymph node", isLymphNode: true, texture: "lymph-node", sizesMm: [21, 19, 11], recistRole: "target" },
      { key: "U1", label: 4, site: "Left lower lobe", organ: "lung", isLymphNode: false, texture: "solid-nodule", sizesMm: [16, 17, 9], recistRole: "target" },
      { key: "U2", label: 5, site: "Lung (new nodule)", organ: "lung", isLymphNode: false, texture: "solid-nodule", sizesMm: [null, 8, 0], recistRole: "new" },
    ],
    liquidDays: [-7, 35, 70, 126],
    analytes: [
      { kind: "variant", name: "BRAF", variant: "p.V600E", unit: "%", lod: 0.1, values: [9.5, 0.6, null, null] },
      { kind: "marker", name: "LDH", unit: "U/L", lod: 10, values: [412, 288, 231, 198] },
    ],
  },
];

/** The day offset (from therapy start) of a case's meeting, given the story's spacing rule. */
export function meetingDay(c: DemoCase): number {
  return Math.max(...c.imagingDays) + demoBoard.lastTimepointDaysBeforeMeeting;
}
