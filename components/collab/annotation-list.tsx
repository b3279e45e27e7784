"use client";
import { useState } from "react";
import { lineLengthMm, type Annotation } from "@/server/collab/doc-shape";
import type { CaseDoc } from "./use-case-doc";
import type { TimepointOption } from "./presence-bar";
import { buttonClass, formatMm, inputClass, parsePoint, primaryButtonClass } from "./format";
import { LesionSelect, PointInputs, type LesionOption } from "./fields";


interface Props {
  collab: CaseDoc;
  lesions: LesionOption[];
  timepoints: TimepointOption[];
  names: Map<string, string>;
}

function describe(a: Annotation): string {
  if (a.kind === "line") return `line ${lineLengthMm(a.points).toFixed(1)} mm`;
  if (a.kind === "roi") return `region, ${a.points.length} points`;
  return `point ${formatMm(a.points[0]!)}`;
}

function AnnotationItem({ a, collab, lesions, timepoints, names }: Props & { a: Annotation }) {
  const [editing, setEditing] = useState<string | null>(null);
  const mine = a.authorId === collab.me.id;
  const lesion = lesions.find((l) => l.id === a.lesionId)?.trackingId;
  return (
    <li data-testid="annotation-item" data-annotation-id={a.id} className="space-y-1 border-b border-line/60 py-2 last:border-0">
      {editing === null ? (
        <p className="text-sm text-ink">{a.text || <span className="text-faint">(no label)</span>}</p>
      ) : (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            collab.updateAnnotation(a.id, { text: editing });
            setEditing(null);
          }}
        >
          <input aria-label="Label" data-testid="annotation-edit-text" className={`${inputClass} flex-1`} value={editing} maxLength={500} onChange={(e) => setEditing(e.target.value)} />
          <button type="submit" className={buttonClass}>
            Save
          </button>
        </form>
      )}
      <p className="text-xs text-muted tabular">
        {describe(a)} · {timepoints.find((t) => t.id === a.timepointId)?.date ?? "unknown timepoint"}
        {lesion ? ` · ${lesion}` : ""} · {names.get(a.authorId) ?? "someone"}
      </p>
      {mine && editing === null && (
        <div className="flex gap-2">
          <button type="button" className={buttonClass} onClick={() => setEditing(a.text)}>
            Edit
          </button>
          <button type="button" data-testid="annotation-delete" className={buttonClass} onClick={() => collab.deleteAnnotation(a.id)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** The annotations on the lesion map, and a point annotation typed in (or at the crosshair). */
export function AnnotationList(props: Props) {
  const { collab, lesions, timepoints } = props;
  const [text, setText] = useState("");
  const [timepointId, setTimepointId] = useState("");
  const [lesionId, setLesionId] = useState("");
  const [xyz, setXyz] = useState(["", "", ""]);
  const crosshair = collab.view?.crosshairMm;
  const tp = timepointId || collab.view?.timepointId || timepoints.at(-1)?.id || "";
  const point = parsePoint(xyz) ?? (xyz.every((v) => v === "") ? crosshair ?? undefined : undefined);
  return (
    <div className="space-y-3">
      <ul aria-label="Annotations">
        {collab.annotations.length === 0 && <li className="text-sm text-faint">No annotations yet.</li>}
        {collab.annotations.map((a) => (
          <AnnotationItem key={a.id} a={a} {...props} />
        ))}
      </ul>
      <form
        className="grid grid-cols-3 gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!point || !tp) return;
          collab.addAnnotation({ kind: "point", timepointId: tp, points: [point], lesionId: lesionId || null, text: text.trim() });
          setText("");
          setXyz(["", "", ""]);
        }}
      >
        <input aria-label="Annotation label" data-testid="annotation-text" placeholder="Label" className={`${inputClass} col-span-3`} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Timepoint" data-testid="annotation-timepoint" className={inputClass} value={tp} onChange={(e) => setTimepointId(e.target.value)}>
          {timepoints.map((t) => (
            <option key={t.id} value={t.id}>
              {t.date}
            </option>
          ))}
        </select>
        <LesionSelect lesions={lesions} value={lesionId} onChange={setLesionId} noneLabel="no lesion" className="col-span-2" />
        <PointInputs prefix="annotation" value={xyz} onChange={setXyz} hint={crosshair} className="" />
        <button type="submit" data-testid="annotation-add" className={`${primaryButtonClass} col-span-3`} disabled={!point || !tp}>
          Add point annotation{crosshair && xyz.every((v) => v === "") ? " at the crosshair" : ""}
        </button>
      </form>
    </div>
  );
}
