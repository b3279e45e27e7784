/**
 * Worker thread: runs the pure timepoint analysis off the request path and posts progress and
 * the result (maps written as gzipped NIfTI, transferred, not copied).
 */
import { parentPort } from "node:worker_threads";
import { analyseTimepoint, type TimepointAnalysisInput } from "../analysis/pipeline/analyse-timepoint";
import { writeNifti } from "../analysis/imaging/nifti-write";
import { isAnalysisError } from "../analysis/errors";

export type WorkerRequest = { id: number; input: TimepointAnalysisInput };
export type WorkerMessage =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "result"; lesions: ReturnType<typeof analyseTimepoint>["lesions"]; entropyNifti: Uint8Array; habitatsNifti: Uint8Array }
  | { id: number; type: "error"; message: string; code: string | null };

parentPort!.on("message", ({ id, input }: WorkerRequest) => {
  try {
    const result = analyseTimepoint(input, (done, total) => parentPort!.postMessage({ id, type: "progress", done, total } satisfies WorkerMessage));
    const entropyNifti = writeNifti(result.entropyMap, { description: "Mosaic local entropy (bits)" });
    const habitatsNifti = writeNifti(result.habitats, { description: "Mosaic habitats" });
    parentPort!.postMessage({ id, type: "result", lesions: result.lesions, entropyNifti, habitatsNifti } satisfies WorkerMessage, [entropyNifti.buffer, habitatsNifti.buffer] as never);
  } catch (e) {
    parentPort!.postMessage({ id, type: "error", message: e instanceof Error ? e.message : String(e), code: isAnalysisError(e) ? e.code : null } satisfies WorkerMessage);
  }
});
