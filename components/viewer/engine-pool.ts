/**
 * Keeps one viewer engine (its canvas, WebGL context and compiled shaders) alive across the
 * client-side navigations between cases, so that the next case does not pay for NiiVue's start-up
 * and teardown. A released engine is cleared (no scan, view reset) and parked outside the document;
 * the next lease takes it, or it is destroyed after a minute unused.
 *
 * The canvas sits in a "stage" element that moves between hosts with it: NiiVue watches the
 * canvas's parent for size changes and tears itself down when the canvas leaves that parent.
 */
import { ViewerEngine, type EngineEvents } from "./niivue-engine";
import { timed } from "./perf";

const PARKED_MS = 60_000;

interface Pooled {
  engine: ViewerEngine;
  stage: HTMLDivElement;
  /** Resolves when the engine is attached; rejects when the browser has no WebGL2. */
  ready: Promise<void>;
  state: "starting" | "started" | "failed";
  /** Where the engine's events go: the current lease's handlers. */
  relay: { to: EngineEvents };
}

export interface EngineLease {
  engine: ViewerEngine;
  ready: Promise<void>;
  /** Hands the engine back (cleared); the lease must not be used afterwards. */
  release(): void;
}

const IGNORE: EngineEvents = { onCrosshair: () => {}, onPickLabel: () => {} };
let parked: { pooled: Pooled; timer: ReturnType<typeof setTimeout> } | null = null;

function create(): Pooled {
  const stage = document.createElement("div");
  stage.className = "absolute inset-0";
  const canvas = document.createElement("canvas");
  canvas.dataset.testid = "viewer-canvas";
  canvas.setAttribute("aria-label", "Lesion map: CT with lesion overlays. Click a lesion to select it; scroll to change slice; right-drag to adjust contrast.");
  canvas.tabIndex = 0;
  canvas.className = "block h-full w-full outline-none";
  stage.appendChild(canvas);
  const relay = { to: IGNORE };
  const engine = new ViewerEngine(canvas, { onCrosshair: (mm, byUser) => relay.to.onCrosshair(mm, byUser), onPickLabel: (l) => relay.to.onPickLabel(l), onDraw: () => relay.to.onDraw?.() });
  const pooled: Pooled = { engine, stage, relay, state: "starting", ready: engine.attach() };
  pooled.ready.then(
    () => {
      pooled.state = "started";
      // Parked before it started: clear it now.
      if (parked?.pooled === pooled) pooled.engine.clear();
    },
    () => {
      pooled.state = "failed";
      if (parked?.pooled === pooled) unpark()?.engine.destroy();
    },
  );
  return pooled;
}

function unpark(): Pooled | null {
  if (!parked) return null;
  const { pooled, timer } = parked;
  clearTimeout(timer);
  parked = null;
  return pooled;
}

/** An engine shown in `host` (the parked one when there is one), sending its events to `events`. */
export function leaseEngine(host: HTMLElement, events: EngineEvents): EngineLease {
  const pooled = unpark() ?? create();
  pooled.relay.to = events;
  host.appendChild(pooled.stage);
  let released = false;
  return {
    engine: pooled.engine,
    ready: pooled.ready,
    release() {
      if (released) return;
      released = true;
      pooled.relay.to = IGNORE;
      pooled.stage.remove();
      if (pooled.state === "failed") return pooled.engine.destroy();
      if (pooled.state === "started") timed("park", () => pooled.engine.clear());
      // One engine is kept; a second one (two viewers at once) is not.
      unpark()?.engine.destroy();
      parked = { pooled, timer: setTimeout(() => unpark()?.engine.destroy(), PARKED_MS) };
    },
  };
}
