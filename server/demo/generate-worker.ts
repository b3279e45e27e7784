/**
 * Worker thread for writeDemoScans: writes the timepoints it is sent, one at a time. It keeps the
 * last case's anatomy cached (anatomy.ts), which is why the scheduler sends a worker the
 * timepoints of one case in a row.
 */
import { parentPort } from "node:worker_threads";
import { writeTimepointFiles } from "./scan-files";
import type { DemoCase } from "./story";

export interface WorkerTask {
  outDir: string;
  demoCase: DemoCase;
  timepointIndex: number;
}

parentPort!.on("message", (task: WorkerTask) => {
  try {
    parentPort!.postMessage({ ok: true, scan: writeTimepointFiles(task.outDir, task.demoCase, task.timepointIndex) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
