/**
 * The three demo cases of shared DEMO.md as RECIST inputs. Day 0 is the start of therapy; dates are
 * ISO strings relative to DAY0 so that liquid-profiling fixtures can line up with them.
 */
import { addDays } from "../iso-date";
import type { LesionMeasurement, RecistInput } from "../types";

export const DAY0 = "2025-03-03";
export const day = (offset: number): string => addDays(DAY0, offset);
const ld = (longAxisMm: number): LesionMeasurement => ({ longAxisMm });
const sa = (shortAxisMm: number): LesionMeasurement => ({ shortAxisMm });

/** Case 1, mCRC under FOLFIRI + cetuximab: L3 is non-target (third liver lesion), L5 new at +231. */
export const case1: RecistInput = {
  lesions: [
    { id: "L1", organ: "liver", kind: "target", isLymphNode: false },
    { id: "L2", organ: "liver", kind: "target", isLymphNode: false },
    { id: "L3", organ: "liver", kind: "non-target", isLymphNode: false },
    { id: "L4", organ: "lung", kind: "target", isLymphNode: false },
    { id: "L5", organ: "liver", kind: "new", isLymphNode: false },
  ],
  timepoints: [
    { id: "t0", date: day(-10), measurements: { L1: ld(42), L2: ld(31), L3: ld(24), L4: ld(14) }, nonTarget: { L3: "present" }, newLesions: false },
    { id: "t1", date: day(63), measurements: { L1: ld(28), L2: ld(19), L3: ld(18), L4: ld(13) }, nonTarget: { L3: "present" }, newLesions: false },
    { id: "t2", date: day(147), measurements: { L1: ld(24), L2: ld(15), L3: ld(23), L4: ld(13) }, nonTarget: { L3: "present" }, newLesions: false },
    { id: "t3", date: day(231), measurements: { L1: ld(23), L2: ld(14), L3: ld(31), L4: ld(14), L5: ld(12) }, nonTarget: { L3: "present" }, newLesions: true },
  ],
};

/** Case 2, EGFR-mutant NSCLC under osimertinib: targets P1, N1 (node), A1; two 6 mm nodules non-target. */
export const case2: RecistInput = {
  lesions: [
    { id: "P1", organ: "lung", kind: "target", isLymphNode: false },
    { id: "N1", organ: "mediastinal lymph node 4R", kind: "target", isLymphNode: true },
    { id: "A1", organ: "adrenal", kind: "target", isLymphNode: false },
    { id: "NT1", organ: "lung", kind: "non-target", isLymphNode: false },
    { id: "NT2", organ: "lung", kind: "non-target", isLymphNode: false },
  ],
  timepoints: [
    { id: "t0", date: day(-11), measurements: { P1: ld(38), N1: { longAxisMm: 24, shortAxisMm: 17 }, A1: ld(22), NT1: ld(6), NT2: ld(6) }, nonTarget: { NT1: "present", NT2: "present" }, newLesions: false },
    { id: "t1", date: day(77), measurements: { P1: ld(24), N1: sa(9), A1: ld(14) }, nonTarget: { NT1: "present", NT2: "present" }, newLesions: false },
    { id: "t2", date: day(161), measurements: { P1: ld(22), N1: sa(9), A1: ld(19) }, nonTarget: { NT1: "present", NT2: "present" }, newLesions: false },
  ],
};

/** Case 3, melanoma under ipilimumab + nivolumab: U2 new 8 mm lung nodule at +70, gone at +126. */
export const case3: RecistInput = {
  lesions: [
    { id: "S1", organ: "subcutaneous", kind: "target", isLymphNode: false },
    { id: "H1", organ: "liver", kind: "target", isLymphNode: false },
    { id: "N1", organ: "axillary lymph node", kind: "target", isLymphNode: true },
    { id: "U1", organ: "lung", kind: "target", isLymphNode: false },
    { id: "U2", organ: "lung", kind: "new", isLymphNode: false },
  ],
  timepoints: [
    { id: "t0", date: day(-7), measurements: { S1: ld(28), H1: ld(35), N1: sa(21), U1: ld(16) }, newLesions: false },
    { id: "t1", date: day(70), measurements: { S1: ld(24), H1: ld(41), N1: sa(19), U1: ld(17), U2: ld(8) }, newLesions: true },
    { id: "t2", date: day(126), measurements: { S1: ld(14), H1: ld(26), N1: sa(11), U1: ld(9), U2: ld(0) }, newLesions: false },
  ],
};
