/**
 * Viewer benchmark (issue 5: "the viewer shows the first volume under 3 s for the demo CT"):
 * starts the app (as `npm start` does) on its own port with a fresh demo data directory, waits
 * for the demo's analysis jobs (so the browser does not share the 2 cores with them), then drives
 * Chromium (software WebGL, e2e/chromium.ts):
 * - cold open: navigation to a case page → the canvas shows the CT (non-black pixels), with the
 *   breakdown from the viewer's `viewer:*` performance entries (components/viewer/perf.ts):
 *   volume fetch (bytes, ms), gunzip, NVImage creation, GL upload; each in a fresh browser
 *   context, so nothing comes from the HTTP cache;
 * - case switch: a click on "Next →"/"← Previous" → the next case's CT on the canvas.
 * The canvas is read from the page (its WebGL drawing buffer kept for that), once per animation
 * frame after the viewer's ct-shown mark. Prints numbers; nothing here asserts a time. Skips when
 * no Chromium is installed.
 * Runs alone with `tsx bench/viewer.ts`; `npm run bench` runs it with the others.
 * Environment: BENCH_VIEWER_PORT (default 3321), BENCH_VIEWER_RUNS (cold opens, default 3).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions, findChromium } from "../e2e/chromium";
import { childProcessEnv } from "../server/env";
import type { BenchRow } from "./radiomics";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.BENCH_VIEWER_PORT ?? 3321);
const RUNS = Number(process.env.BENCH_VIEWER_RUNS ?? 3);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (line: string) => process.stderr.write(`bench/viewer: ${line}\n`);

export type ViewerBenchResult = BenchRow[] | { skipped: string };

/** Why the bench cannot run here, or null when a Chromium is available. */
function missingChromium(): string | null {
  try {
    if (findChromium() || existsSync(chromium.executablePath())) return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return "no Chromium (install Debian's chromium or set CHROMIUM_PATH)";
}

interface AppServer {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `server/main.ts` in its own process group (it may spawn `next build`), like playwright.config.ts starts it. */
async function startApp(dataDir: string): Promise<AppServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: childProcessEnv({ PORT: String(PORT), HOST: "127.0.0.1", MOSAIC_DATA_DIR: dataDir, MOSAIC_DEMO: "1", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
    for (const line of d.toString().split("\n")) if (line.startsWith("mosaic:")) log(line);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = async () => {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  // A stale build is rebuilt first: minutes on two cores.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { child, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the app did not answer on ${BASE} within 15 minutes:\n${output}`);
}

async function signIn(browser: Browser): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email").fill("radiologist@mosaic.demo");
  await page.getByLabel("Password").fill("mosaic-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${BASE}/`);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The case ids of the next meeting's agenda, in order. */
async function agendaCases(page: Page): Promise<string[]> {
  await page.goto(`${BASE}/`);
  await page.getByRole("link", { name: "Open meeting →" }).click();
  await page.waitForURL(/\/meetings\//);
  const hrefs = await page.getByTestId("agenda-item").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("/").at(-1)!).filter(Boolean);
}

/** Waits until no analysis job is queued or running for these cases. */
async function analysesDone(page: Page, caseIds: string[]): Promise<number> {
  const started = Date.now();
  for (;;) {
    let pending = 0;
    for (const caseId of caseIds) {
      const res = await page.request.get(`${BASE}/api/trpc/analyses.get?input=${encodeURIComponent(JSON.stringify({ caseId }))}`);
      const body = (await res.json()) as { result?: { data?: { jobs: { status: string }[] } } };
      pending += (body.result?.data?.jobs ?? []).filter((j) => j.status === "queued" || j.status === "running").length;
    }
    if (pending === 0) return Date.now() - started;
    if (Date.now() - started > 20 * 60_000) throw new Error(`${pending} analysis job(s) still pending after 20 minutes`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

interface PerfEntry {
  name: string;
  entryType: string;
  startTime: number;
  duration: number;
  detail: Record<string, unknown> | null;
}

/**
 * In the page: waits for the viewer's `ct-shown` mark after `since` (page time, for a timepoint
 * other than `notTimepoint`), then reads the canvas every animation frame until it shows the CT
 * (non-black pixels); returns that frame's time (ms since the document's navigation start).
 * Reading a WebGL canvas from script needs its drawing buffer kept after each frame
 * (PRESERVE_DRAWING_BUFFER, added to every page); a read waits for the WebGL work queued before it.
 */
function waitForCtOnCanvas(page: Page, since: number, notTimepoint: string | null, timeoutMs = 120_000): Promise<{ onScreen: number; timepointId: string }> {
  return page.evaluate(
    async ({ since, notTimepoint, timeoutMs }) => {
      // No named function expressions in here: tsx would wrap them in a helper the page lacks.
      const deadline = performance.now() + timeoutMs;
      let mark: PerformanceMark | undefined;
      while (!mark) {
        mark = performance
          .getEntriesByName("viewer:ct-shown")
          .map((e) => e as PerformanceMark)
          .find((e) => e.startTime >= since && (e.detail as { timepointId: string }).timepointId !== notTimepoint);
        if (mark) break;
        if (performance.now() > deadline) throw new Error("the viewer never marked viewer:ct-shown");
        await new Promise<number>((r) => requestAnimationFrame(r));
      }
      const probe = document.createElement("canvas");
      probe.width = probe.height = 64;
      const ctx = probe.getContext("2d", { willReadFrequently: true })!;
      for (;;) {
        const canvas = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="viewer-canvas"]')].find((c) => c.isConnected && c.width > 0);
        if (canvas) {
          ctx.clearRect(0, 0, 64, 64);
          ctx.drawImage(canvas, 0, 0, 64, 64);
          const d = ctx.getImageData(0, 0, 64, 64).data;
          let bright = 0;
          for (let i = 0; i < d.length; i += 4) if (0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]! > 24) bright++;
          if (bright > 0.05 * 64 * 64) return { onScreen: performance.now(), timepointId: (mark.detail as { timepointId: string }).timepointId };
        }
        if (performance.now() > deadline) throw new Error("the canvas stayed black after viewer:ct-shown");
        await new Promise<number>((r) => requestAnimationFrame(r));
      }
    },
    { since, notTimepoint, timeoutMs },
  );
}

/** Keeps WebGL drawing buffers after each frame, so that the bench can read the viewer's pixels. */
const PRESERVE_DRAWING_BUFFER = () => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, options?: Record<string, unknown>) {
    return getContext.call(this, type, type === "webgl2" ? { ...options, preserveDrawingBuffer: true } : options);
  } as typeof getContext;
};

const viewerEntries = (page: Page, since: number): Promise<PerfEntry[]> =>
  page.evaluate(
    (since) =>
      [...performance.getEntriesByType("measure"), ...performance.getEntriesByType("mark")]
        .filter((e) => e.name.startsWith("viewer:") && e.startTime >= since)
        .map((e) => ({ name: e.name, entryType: e.entryType, startTime: e.startTime, duration: e.duration, detail: ((e as PerformanceMark).detail as Record<string, unknown>) ?? null })),
    since,
  );

/** Longest main-thread task (ms) since the observer started; see observeLongTasks. */
const longestTask = (page: Page, since: number): Promise<number> =>
  page.evaluate((since) => Math.max(0, ...((window as unknown as { __longTasks?: PerformanceEntry[] }).__longTasks ?? []).filter((e) => e.startTime >= since).map((e) => e.duration)), since);

const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: PerformanceEntry[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries())).observe({ type: "longtask", buffered: true });
};

/**
 * Marks `bench:panels-visible` in the first frame that has the lesions table (the panels are
 * server-rendered). A string, so that tsx adds no helper the page lacks to the named callback.
 */
const MARK_PANELS = `(() => {
  const tick = () => {
    if (document.querySelector('[data-testid="lesion-row"]')) performance.mark("bench:panels-visible");
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => Math.round(x);

interface ColdRun {
  total: number;
  /** Navigation → the first frame with the lesions table. */
  panels: number;
  steps: Record<string, number>;
  /** Bytes the viewer received (after the browser inflated them, for those in `inflated`). */
  bytes: Record<string, number>;
  inflated: Set<string>;
}

/** Navigates a fresh context to the case and times each step until the CT is on the canvas. */
async function coldOpen(browser: Browser, state: Awaited<ReturnType<BrowserContext["storageState"]>>, caseId: string): Promise<ColdRun> {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.addInitScript(PRESERVE_DRAWING_BUFFER);
    await page.addInitScript({ content: MARK_PANELS });
    await page.goto(`${BASE}/cases/${caseId}`, { waitUntil: "commit" });
    const { onScreen } = await waitForCtOnCanvas(page, 0, null);
    const panels = await page.evaluate(() => performance.getEntriesByName("bench:panels-visible")[0]?.startTime ?? Number.NaN);
    // The steps after the first image too (full resolution, overlays).
    await page.getByTestId("viewer-status").and(page.locator('[data-state="ready"]')).waitFor({ timeout: 120_000 });
    const entries = await viewerEntries(page, 0);
    const steps: Record<string, number> = { "navigation → viewer attached (page, scripts, WebGL init)": NaN };
    const bytes: Record<string, number> = {};
    const inflated = new Set<string>();
    const shown = entries.find((e) => e.name === "viewer:ct-shown");
    for (const e of entries) {
      if (e.entryType !== "measure") continue;
      const step = e.name.slice("viewer:".length);
      // Only what happened before the CT was on screen; overlays added after it are listed apart.
      const after = shown && e.startTime >= shown.startTime;
      const key = after ? `${step} (after the CT was shown)` : step;
      steps[key] = (steps[key] ?? 0) + e.duration;
      if (typeof e.detail?.bytes === "number") bytes[key] = e.detail.bytes;
      if (e.detail?.inflatedByBrowser) inflated.add(key);
    }
    const attach = entries.find((e) => e.name === "viewer:attach");
    steps["navigation → viewer attached (page, scripts, WebGL init)"] = attach ? attach.startTime + attach.duration : NaN;
    if (shown) steps[`navigation → viewer:ct-shown mark (${shown.detail?.preview ? "half-resolution preview" : "full CT"})`] = shown.startTime;
    const full = entries.find((e) => e.name === "viewer:ct-full-shown");
    if (full) steps["navigation → viewer:ct-full-shown mark (full resolution)"] = full.startTime;
    const overlays = entries.find((e) => e.name === "viewer:overlays-shown");
    if (overlays) steps["navigation → viewer:overlays-shown mark (all layers read)"] = overlays.startTime;
    steps["viewer:ct-shown → first frame with CT pixels"] = shown ? onScreen - shown.startTime : NaN;
    steps["longest main-thread task"] = await longestTask(page, 0);
    return { total: onScreen, panels, steps, bytes, inflated };
  } finally {
    await context.close();
  }
}

interface SwitchRun {
  total: number;
  longestTask: number;
  steps: Record<string, number>;
}

/** On an open case page, clicks the agenda link and times until the next case's CT is on the canvas. */
async function switchCase(page: Page, dir: "next" | "prev", fromTimepoint: string): Promise<SwitchRun & { timepointId: string }> {
  const t0 = await page.evaluate((dir) => {
    const t = performance.now();
    document.querySelector<HTMLAnchorElement>(`[data-testid="${dir}-case"]`)!.click();
    return t;
  }, dir);
  const { onScreen, timepointId } = await waitForCtOnCanvas(page, t0, fromTimepoint);
  // Let the overlays that follow the CT finish before reading the steps and clicking again.
  await page.getByTestId("viewer-status").and(page.locator('[data-state="ready"]')).waitFor({ timeout: 120_000 });
  const steps: Record<string, number> = {};
  const entries = await viewerEntries(page, t0);
  for (const e of entries) if (e.entryType === "measure") steps[e.name.slice(7)] = (steps[e.name.slice(7)] ?? 0) + e.duration;
  const full = entries.find((e) => e.name === "viewer:ct-full-shown");
  if (full) steps["click → viewer:ct-full-shown mark (full resolution)"] = full.startTime - t0;
  return { total: onScreen - t0, longestTask: await longestTask(page, t0), steps, timepointId };
}

export async function runViewerBench(): Promise<ViewerBenchResult> {
  const missing = missingChromium();
  if (missing) {
    log(`skipped: ${missing}`);
    return { skipped: missing };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "mosaic-viewer-bench-"));
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  try {
    log(`starting the app on ${BASE} (data in ${dataDir})`);
    app = await startApp(dataDir);
    browser = await chromium.launch(chromiumLaunchOptions());
    const state = await signIn(browser);
    const setup = await browser.newContext({ storageState: state });
    const cases = await agendaCases(await setup.newPage());
    log(`${cases.length} cases on the agenda; waiting for the demo's analysis jobs`);
    const waited = await analysesDone(await setup.newPage(), cases);
    await setup.close();
    log(`analyses done after ${ms(waited / 1000)} s more; measuring`);

    const cold: ColdRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      cold.push(await coldOpen(browser, state, cases[0]!));
      log(`cold open ${i + 1}/${RUNS}: ${ms(cold.at(-1)!.total)} ms`);
    }

    // Case switches on one page: forward through the agenda (first visits), then back (volumes cached).
    const context = await browser.newContext({ storageState: state, viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.addInitScript(PRESERVE_DRAWING_BUFFER);
    await page.goto(`${BASE}/cases/${cases[0]}`, { waitUntil: "commit" });
    let { timepointId } = await waitForCtOnCanvas(page, 0, null);
    await page.getByTestId("viewer-status").and(page.locator('[data-state="ready"]')).waitFor({ timeout: 120_000 });
    const forward: SwitchRun[] = [];
    const back: SwitchRun[] = [];
    for (const [dir, runs] of [["next", forward], ["prev", back]] as const) {
      for (let i = 0; i < cases.length - 1; i++) {
        const r = await switchCase(page, dir, timepointId);
        timepointId = r.timepointId;
        runs.push(r);
        log(`${dir} case: ${ms(r.total)} ms (longest task ${ms(r.longestTask)} ms)`);
      }
    }
    await context.close();

    const rows: BenchRow[] = [];
    const panelsPaint = median(cold.map((c) => c.panels));
    rows.push({ name: `cold open, navigation → first frame with the panels (median of ${RUNS})`, value: ms(panelsPaint), unit: "ms", target: "< 1000 ms", met: panelsPaint < 1000 });
    const coldTotal = median(cold.map((c) => c.total));
    rows.push({ name: `cold open, navigation → CT on canvas (median of ${RUNS})`, value: ms(coldTotal), unit: "ms", target: "< 3000 ms", met: coldTotal < 3000 });
    const stepNames = [...new Set(cold.flatMap((c) => Object.keys(c.steps)))];
    for (const s of stepNames) {
      const bytes = cold[0]!.bytes[s];
      const size = bytes === undefined ? "" : ` (${(bytes / 1_048_576).toFixed(1)} MB${cold[0]!.inflated.has(s) ? " inflated by the browser" : ""})`;
      rows.push({ name: `  ${s}${size}`, value: ms(median(cold.map((c) => c.steps[s] ?? 0))), unit: "ms" });
    }
    for (const [label, runs] of [["case switch, first visit (Next →)", forward], ["case switch, revisit (← Previous)", back]] as const) {
      const t = median(runs.map((r) => r.total));
      rows.push({ name: `${label}, click → CT on canvas (median of ${runs.length})`, value: ms(t), unit: "ms", target: "< 1000 ms", met: t < 1000 });
      rows.push({ name: `  ${label}: longest main-thread task`, value: ms(median(runs.map((r) => r.longestTask))), unit: "ms" });
      for (const s of [...new Set(runs.flatMap((r) => Object.keys(r.steps)))]) rows.push({ name: `  ${label}: ${s}`, value: ms(median(runs.map((r) => r.steps[s] ?? 0))), unit: "ms" });
    }
    rows.push({ name: "machine load average (1 min) at the end", value: Math.round(loadavg()[0]! * 100) / 100, unit: "" });
    return rows;
  } finally {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await runViewerBench();
  if ("skipped" in result) console.log(`viewer bench skipped: ${result.skipped}`);
  else console.table(result);
}
