// The plain-JS start of every TypeScript worker thread (see ts-worker.ts).
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.tsModule);
