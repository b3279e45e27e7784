"use client";
/** The lesion map's toolbar: layout, CT window, overlays with opacity, and the timepoint switcher. */
import { CT_WINDOWS, type WindowId } from "./window-presets";
import type { OverlayKind, OverlaySettings, SliceKind, ViewerTimepoint } from "./types";
import { formatDate } from "@/components/ui/format";

const segmentBase = "px-2.5 py-1 text-xs font-medium transition-colors focus-visible:relative";
const segmentOn = "bg-accent/20 text-accent-strong";
const segmentOff = "text-muted hover:bg-raised hover:text-ink";

export function Segmented<T extends string>({ label, value, options, onChange, testId }: { label: string; value: T; options: { value: T; label: string; title?: string; disabled?: boolean }[]; onChange(v: T): void; testId?: string }) {
  return (
    <div role="group" aria-label={label} data-testid={testId} className="inline-flex overflow-hidden rounded-md border border-line bg-canvas">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          title={o.title}
          disabled={o.disabled}
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          className={`${segmentBase} border-l border-line first:border-l-0 disabled:cursor-not-allowed disabled:opacity-40 ${o.value === value ? segmentOn : segmentOff}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

const SLICE_OPTIONS: { value: SliceKind; label: string; title: string }[] = [
  { value: "axial", label: "Axial", title: "One axial plane, large" },
  { value: "multiplanar", label: "MPR", title: "Axial, coronal and sagittal planes with the 3D render" },
  { value: "render", label: "3D", title: "Volume render" },
];

export function LayoutControl({ value, onChange }: { value: SliceKind; onChange(v: SliceKind): void }) {
  return <Segmented label="Layout" value={value} options={SLICE_OPTIONS} onChange={onChange} testId="slice-type" />;
}

export function WindowControl({ value, onChange, disabled }: { value: WindowId; onChange(v: WindowId): void; disabled?: boolean }) {
  return (
    <Segmented
      label="CT window"
      testId="window-presets"
      value={value}
      onChange={onChange}
      options={CT_WINDOWS.map((w) => ({ value: w.id, label: w.label, title: `W ${w.widthHu} / L ${w.levelHu} HU`, disabled }))}
    />
  );
}

const OVERLAY_LABEL: Record<OverlayKind, string> = { lesions: "Lesions", entropy: "Heterogeneity", habitats: "Habitats" };
const OVERLAY_TITLE: Record<OverlayKind, string> = {
  lesions: "Lesion outlines, coloured by phenotype",
  entropy: "Local entropy map (5 × 5 × 5 voxel window), bits",
  habitats: "Intralesional habitats (k-means on intensity and local entropy)",
};

export function OverlayControl({ kind, settings, available, onChange }: { kind: OverlayKind; settings: OverlaySettings; available: boolean; onChange(next: OverlaySettings): void }) {
  const s = settings[kind];
  const set = (patch: Partial<typeof s>) => onChange({ ...settings, [kind]: { ...s, ...patch } });
  const on = s.visible && available;
  return (
    <div className="inline-flex items-center gap-2 rounded-md border border-line bg-canvas py-0.5 pr-2 pl-1" title={available ? OVERLAY_TITLE[kind] : `${OVERLAY_LABEL[kind]}: not computed for this timepoint`}>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        disabled={!available}
        data-testid={`overlay-toggle-${kind}`}
        onClick={() => set({ visible: !s.visible })}
        className="inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium text-ink disabled:cursor-not-allowed disabled:text-faint"
      >
        <span aria-hidden className={`relative h-3.5 w-6 rounded-full transition-colors ${on ? "bg-accent" : "bg-line"}`}>
          <span className={`absolute top-0.5 h-2.5 w-2.5 rounded-full bg-ink transition-all ${on ? "left-3" : "left-0.5"}`} />
        </span>
        {OVERLAY_LABEL[kind]}
      </button>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(s.opacity * 100)}
        disabled={!on}
        aria-label={`${OVERLAY_LABEL[kind]} opacity, percent`}
        data-testid={`overlay-opacity-${kind}`}
        onChange={(e) => set({ opacity: Number(e.target.value) / 100 })}
        className="h-1 w-16 accent-[var(--color-accent)] disabled:opacity-30"
      />
    </div>
  );
}

export function TimepointSwitch({ timepoints, value, onChange }: { timepoints: ViewerTimepoint[]; value: string | null; onChange(id: string): void }) {
  return (
    <div role="group" aria-label="Timepoint" data-testid="timepoint-switch" className="inline-flex overflow-hidden rounded-md border border-line bg-canvas">
      {timepoints.map((tp) => {
        const active = tp.timepointId === value;
        return (
          <button
            key={tp.timepointId}
            type="button"
            aria-pressed={active}
            disabled={!tp.volumes.image}
            title={tp.volumes.image ? `${tp.modality} ${formatDate(tp.date)}` : `${formatDate(tp.date)}: no scan stored`}
            onClick={() => onChange(tp.timepointId)}
            className={`flex flex-col items-start border-l border-line px-3 py-1 text-left first:border-l-0 disabled:cursor-not-allowed disabled:opacity-40 ${active ? segmentOn : segmentOff}`}
          >
            <span className="text-xs font-semibold">{tp.label}</span>
            <span className="tabular text-[11px] leading-tight opacity-80">{formatDate(tp.date)}</span>
          </button>
        );
      })}
    </div>
  );
}
