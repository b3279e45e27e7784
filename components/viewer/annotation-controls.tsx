"use client";
/** The lesion map's annotation controls: the tool switch, the label form for a drawn shape, and who looks at another timepoint. */
import { useState } from "react";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/controls";
import { Segmented } from "./viewer-controls";
import type { AnnotationKind, MapPeer, MapTool, ViewerTimepoint } from "./types";

const TOOLS: { value: MapTool; label: string; title: string }[] = [
  { value: "navigate", label: "Navigate", title: "Click to move the crosshair, scroll for slices, right-drag for contrast" },
  { value: "point", label: "Point", title: "Annotate a point: click on the scan" },
  { value: "line", label: "Line", title: "Measure a line: click its two ends" },
  { value: "roi", label: "Region", title: "Outline a region: click its corners; click the first, double-click or press Enter to close" },
];

export function ToolControl({ value, onChange, disabled }: { value: MapTool; onChange(t: MapTool): void; disabled?: boolean }) {
  return <Segmented label="Annotate" testId="map-tools" value={value} onChange={onChange} options={TOOLS.map((t) => ({ ...t, disabled: disabled && t.value !== "navigate" }))} />;
}

const KIND_TEXT: Record<AnnotationKind, string> = { point: "point", line: "line", roi: "region" };

/** Names the shape just drawn; Enter saves, Escape discards. */
export function AnnotationLabelForm({ kind, measure, onSave, onCancel }: { kind: AnnotationKind; measure: string | null; onSave(text: string): void; onCancel(): void }) {
  const [text, setText] = useState("");
  return (
    <form
      data-testid="map-annotation-form"
      className="absolute inset-x-2 bottom-2 flex flex-wrap items-center gap-2 rounded-md border border-line bg-surface/95 px-3 py-2 shadow-lg"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <span className="text-xs text-muted tabular">
        New {KIND_TEXT[kind]}
        {measure ? `, ${measure}` : ""}:
      </span>
      <input
        autoFocus
        aria-label="Annotation label"
        data-testid="map-annotation-label"
        placeholder="Label (visible to the board)"
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={`${inputClass} min-w-48 flex-1`}
      />
      <button type="submit" data-testid="map-annotation-save" className={primaryButtonClass}>
        Save
      </button>
      <button type="button" onClick={onCancel} className={buttonClass}>
        Discard
      </button>
    </form>
  );
}

/** Participants whose crosshair is on another timepoint than the one shown. */
export function PeersElsewhere({ peers, timepoints, current }: { peers: MapPeer[]; timepoints: ViewerTimepoint[]; current: string | null }) {
  const away = current ? peers.filter((p) => p.timepointId !== current) : [];
  if (away.length === 0) return null;
  return (
    <p className="flex flex-wrap gap-x-3 text-xs text-muted" data-testid="peers-elsewhere">
      {away.map((p) => (
        <span key={p.clientId}>
          <span aria-hidden className="mr-1 inline-block size-2 rounded-full" style={{ backgroundColor: p.colour }} />
          {p.name} is on {timepoints.find((t) => t.timepointId === p.timepointId)?.label ?? "another timepoint"}
        </span>
      ))}
    </p>
  );
}
