"use client";
/** Status, progress and the crosshair readout under and over the lesion map. */
import type { LesionLegendEntry, Vec3Mm, ViewerStatus } from "./types";

const fmt = (v: number) => (Object.is(Math.round(v * 10) / 10, -0) ? 0 : Math.round(v * 10) / 10).toFixed(1).replace("-", "−");

/** Over the canvas: progress while nothing is shown yet, and errors, which cover the stale image. */
export function ViewerMessage({ status, blocking }: { status: ViewerStatus; blocking: boolean }) {
  if (status.state === "loading") {
    const pct = status.totalBytes > 0 ? Math.min(100, Math.round((100 * status.loadedBytes) / status.totalBytes)) : null;
    return (
      <div className={`pointer-events-none absolute inset-x-0 top-0 ${blocking ? "bottom-0 flex items-center justify-center bg-black" : ""}`}>
        <div className={blocking ? "w-72 text-center" : ""}>
          {blocking && <p className="mb-2 text-sm text-muted">{status.message}</p>}
          <div role="progressbar" aria-label="Loading scan" aria-valuenow={pct ?? undefined} aria-valuemin={0} aria-valuemax={100} className={`h-1 overflow-hidden bg-line ${blocking ? "rounded" : ""}`}>
            <div className={`h-full bg-accent transition-[width] ${pct === null ? "w-1/4 animate-pulse" : ""}`} style={pct === null ? undefined : { width: `${pct}%` }} />
          </div>
        </div>
      </div>
    );
  }
  if (status.state === "error" || (status.state === "idle" && blocking)) {
    return (
      <div role={status.state === "error" ? "alert" : undefined} className="absolute inset-0 flex items-center justify-center bg-black/95 p-6">
        <div className="max-w-md text-center">
          <p className={`text-sm font-medium ${status.state === "error" ? "text-bad" : "text-muted"}`}>{status.state === "error" ? "Scan not shown" : "No scan"}</p>
          <p className="mt-1 text-sm text-muted">{status.message}</p>
        </div>
      </div>
    );
  }
  return null;
}

export function StatusLine({ status, notes }: { status: ViewerStatus; notes: string[] }) {
  const tone = status.state === "error" ? "text-bad" : status.state === "ready" ? "text-muted" : "text-faint";
  return (
    <div className="min-w-0 text-xs">
      <p data-testid="viewer-status" data-state={status.state} aria-live="polite" className={tone}>
        {status.message}
      </p>
      {notes.map((n) => (
        <p key={n} className="text-warn">
          {n}
        </p>
      ))}
    </div>
  );
}

export function CrosshairReadout({ crosshair, lesions }: { crosshair: { mm: Vec3Mm; hu: number | null; label: number } | null; lesions: LesionLegendEntry[] }) {
  if (!crosshair) return <p data-testid="crosshair-mm" className="tabular text-xs text-faint" />;
  const [x, y, z] = crosshair.mm;
  const lesion = lesions.find((l) => l.label === crosshair.label);
  return (
    <p data-testid="crosshair-mm" data-mm={crosshair.mm.map((v) => v.toFixed(2)).join(",")} data-lesion={lesion?.trackingId ?? ""} className="tabular text-xs text-muted">
      <span title="World coordinates, scanner frame (RAS), millimetres">
        x {fmt(x)} · y {fmt(y)} · z {fmt(z)} mm
      </span>
      {crosshair.hu !== null && <span className="ml-3">{Math.round(crosshair.hu).toString().replace("-", "−")} HU</span>}
      {lesion && (
        <span className="ml-3 font-semibold" style={{ color: lesion.colour }}>
          in {lesion.trackingId}
        </span>
      )}
    </p>
  );
}
