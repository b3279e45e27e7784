/**
 * A small pool of analysis worker threads (TypeScript through tsx's loader). One request per
 * worker at a time; a worker that crashes is replaced and its request fails with the reason.
 */
import type { Worker } from "node:worker_threads";
import { tsWorker } from "../ts-worker";
import type { TimepointAnalysisInput } from "../analysis/pipeline/analyse-timepoint";
import type { WorkerMessage } from "./analysis-worker";

type Result = Extract<WorkerMessage, { type: "result" }>;
interface Pending {
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
  onProgress: (done: number, total: number) => void;
}

export class AnalysisFailure extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

const workerUrl = new URL("./analysis-worker.ts", import.meta.url);

export class AnalysisPool {
  private idle: Worker[] = [];
  private waiting: (() => void)[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private all = new Set<Worker>();

  constructor(private readonly size: number) {}

  private spawn(): Worker {
    const w = tsWorker(workerUrl);
    this.all.add(w);
    w.on("message", (m: WorkerMessage) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === "progress") return p.onProgress(m.done, m.total);
      this.pending.delete(m.id);
      if (m.type === "result") p.resolve(m);
      else p.reject(new AnalysisFailure(m.message, m.code));
    });
    w.on("error", (e) => this.failWorker(w, e));
    w.on("exit", (code) => code !== 0 && this.failWorker(w, new Error(`analysis worker exited with code ${code}`)));
    return w;
  }

  private failWorker(w: Worker, e: Error): void {
    this.all.delete(w);
    for (const [id, p] of this.pending) {
      if ((p as Pending & { worker?: Worker }).worker === w) {
        this.pending.delete(id);
        p.reject(e);
      }
    }
  }

  private async acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w && this.all.has(w)) return w;
    if (this.all.size < this.size) return this.spawn();
    await new Promise<void>((r) => this.waiting.push(r));
    return this.acquire();
  }

  private release(w: Worker): void {
    if (this.all.has(w)) this.idle.push(w);
    this.waiting.shift()?.();
  }

  async run(input: TimepointAnalysisInput, onProgress: (done: number, total: number) => void): Promise<Result> {
    const w = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<Result>((resolve, reject) => {
        this.pending.set(id, { resolve, reject, onProgress, worker: w } as Pending);
        w.postMessage({ id, input });
      });
    } finally {
      this.release(w);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle = [];
  }
}
