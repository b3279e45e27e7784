/**
 * Worker threads running TypeScript: Node 20 does not pass tsx's module hooks from the parent
 * thread to a worker, so every worker starts from one plain-JS entry that registers tsx and then
 * imports the TypeScript module named here.
 */
import { Worker } from "node:worker_threads";

const entry = new URL("./ts-worker-entry.mjs", import.meta.url);

export function tsWorker(module: URL): Worker {
  return new Worker(entry, { workerData: { tsModule: module.href } });
}
