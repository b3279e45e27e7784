/** Stores a timepoint analysis through the repositories, replacing earlier results (idempotent). */
import type { Db } from "@/db/client";
import { addLesion, lesionsByLabel, listLesionsWithMeasurements, putFeatureSet, upsertMeasurement } from "@/db/repositories/lesions";
import { putVolume } from "@/db/repositories/imaging";
import type { BlobStore } from "../storage/blobs";
import type { LesionAnalysis } from "../analysis/pipeline/analyse-timepoint";

export interface AnalysisOutput {
  lesions: LesionAnalysis[];
  entropyNifti: Uint8Array;
  habitatsNifti: Uint8Array;
  dims: [number, number, number];
  spacingMm: [number, number, number];
  settings: Record<string, unknown>;
}

export async function storeTimepointAnalysis(db: Db, blobs: BlobStore, timepoint: { id: string; caseId: string; date: string }, out: AnalysisOutput): Promise<void> {
  // Content-addressed files first: an interrupted transaction leaves at most an unreferenced file.
  const entropy = blobs.put(out.entropyNifti, "nii.gz");
  const habitats = blobs.put(out.habitatsNifti, "nii.gz");
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const byLabel = await lesionsByLabel(t, timepoint.caseId);
    const seen = new Set<string>();
    for (const l of out.lesions) {
      let lesion = byLabel.get(l.label);
      if (!lesion) {
        const { id } = await addLesion(t, { caseId: timepoint.caseId, trackingId: `L${l.label}`, label: l.label, site: "Unassigned", organ: "unknown", recistRole: "new" });
        lesion = { id, caseId: timepoint.caseId, trackingId: `L${l.label}`, label: l.label, site: "Unassigned", organ: "unknown", isLymphNode: false, recistRole: "new" };
      }
      seen.add(lesion.id);
      await upsertMeasurement(t, {
        lesionId: lesion.id,
        timepointId: timepoint.id,
        source: "analysis",
        present: true,
        longAxisMm: l.longAxisMm,
        shortAxisMm: l.shortAxisMm,
        volumeMl: l.volumeMl,
        meshVolumeMl: l.meshVolumeMl,
        max3dDiameterMm: l.max3dDiameterMm,
        meanIntensity: l.intensity.mean,
        sdIntensity: l.intensity.sd,
        minIntensity: l.intensity.min,
        maxIntensity: l.intensity.max,
        ithScore: l.ith.score,
        tooSmallForTexture: l.ith.tooSmall,
        geometry: { recist: l.recist, centroidMm: l.centroidMm, voxelCount: l.voxelCount, habitats: l.habitats, biopsyPoint: l.biopsyPoint, ith: l.ith, featureError: l.featureError },
      });
      await putFeatureSet(t, { lesionId: lesion.id, timepointId: timepoint.id, mode: "pyradiomics", settings: out.settings, features: l.features });
    }
    // A lesion seen at an earlier timepoint but absent from this segmentation has disappeared.
    for (const lesion of await listLesionsWithMeasurements(t, timepoint.caseId)) {
      if (seen.has(lesion.id)) continue;
      const earlier = lesion.measurements.some((m) => m.date < timepoint.date && m.present);
      if (earlier) await upsertMeasurement(t, { lesionId: lesion.id, timepointId: timepoint.id, source: "analysis", present: false, longAxisMm: 0, shortAxisMm: 0, volumeMl: 0 });
    }
    const meta = { dims: out.dims, spacingMm: out.spacingMm };
    await putVolume(t, { timepointId: timepoint.id, kind: "entropy-map", sha256: entropy.sha256, byteSize: entropy.byteSize, fileName: "entropy.nii.gz", ...meta });
    await putVolume(t, { timepointId: timepoint.id, kind: "habitats", sha256: habitats.sha256, byteSize: habitats.byteSize, fileName: "habitats.nii.gz", ...meta });
  });
}
