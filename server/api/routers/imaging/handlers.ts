import { TRPCError } from "@trpc/server";
import { findCase } from "@/db/repositories/cases";
import { listCaseVolumes, type VolumeKind } from "@/db/repositories/imaging";
import { volumeUrl } from "@/server/imaging/volume-files";
import type { ProtectedContext } from "../../trpc";
import { authorizeCase } from "../../access";

/** One volume as the viewer needs it: where to stream it from and its grid. */
export interface VolumeRef {
  id: string;
  /** Authenticated, content-pinned URL (`/api/volumes/<id>?v=<sha256>`). */
  url: string;
  fileName: string;
  byteSize: number;
  dims: [number, number, number];
  spacingMm: [number, number, number];
}

export interface TimepointVolumes {
  timepointId: string;
  date: string;
  modality: "CT" | "MR" | "PET";
  /** By kind; a kind is absent until its file exists (the analyses add entropy maps and habitats). */
  volumes: Partial<Record<VolumeKind, VolumeRef>>;
}

export interface CaseVolumes {
  caseId: string;
  /** Every timepoint of the case in date order, with or without volumes. */
  timepoints: TimepointVolumes[];
}

export async function caseVolumes(ctx: ProtectedContext, caseId: string): Promise<CaseVolumes> {
  await authorizeCase(ctx, caseId, "imaging.volumes");
  const [detail, volumes] = await Promise.all([findCase(ctx.db, caseId), listCaseVolumes(ctx.db, caseId)]);
  if (!detail) throw new TRPCError({ code: "NOT_FOUND", message: "No such case." });
  return {
    caseId,
    timepoints: detail.timepoints.map((tp) => ({
      timepointId: tp.id,
      date: tp.date,
      modality: tp.modality,
      volumes: Object.fromEntries(
        volumes
          .filter((v) => v.timepointId === tp.id)
          .map((v) => [v.kind, { id: v.id, url: volumeUrl(v.id, v.sha256), fileName: v.fileName, byteSize: v.byteSize, dims: v.dims, spacingMm: v.spacingMm }]),
      ),
    })),
  };
}
