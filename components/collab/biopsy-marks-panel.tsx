"use client";
import { useState } from "react";
import type { BiopsyMark, BiopsyStatus, Vec3 } from "@/server/collab/doc-shape";
import type { CaseDoc } from "./use-case-doc";
import { buttonClass, formatMm, parsePoint, primaryButtonClass } from "./format";
import { LesionSelect, PointInputs, type LesionOption } from "./fields";

/** A ranked suggestion from the analysis (the case's `analyses.biopsy` items fit). */
export interface BiopsySuggestion {
  lesionId: string;
  rank: number;
  sentence: string;
  pointMm: [number, number, number] | null;
}

interface Row {
  id: string;
  lesionId: string;
  point: Vec3 | null;
  status: BiopsyStatus;
  mark?: BiopsyMark;
  suggestion?: BiopsySuggestion;
}

const suggestionMarkId = (lesionId: string) => `suggestion-${lesionId}`;
const tone: Record<BiopsyStatus, string> = { proposed: "text-muted", accepted: "text-good", rejected: "text-bad", sampled: "text-accent-strong" };

/** Suggestions without a mark yet, then marks, in one list. */
function rows(marks: BiopsyMark[], suggestions: BiopsySuggestion[]): Row[] {
  const out: Row[] = [];
  const byId = new Map(marks.map((m) => [m.id, m]));
  for (const s of [...suggestions].sort((a, b) => a.rank - b.rank)) {
    const mark = byId.get(suggestionMarkId(s.lesionId));
    out.push({ id: suggestionMarkId(s.lesionId), lesionId: s.lesionId, point: mark?.point ?? s.pointMm, status: mark?.status ?? "proposed", mark, suggestion: s });
  }
  for (const m of marks) if (!out.some((r) => r.id === m.id)) out.push({ id: m.id, lesionId: m.lesionId, point: m.point, status: m.status, mark: m });
  return out;
}

function MarkRow({ row, collab, lesions, names, canAct }: { row: Row; collab: CaseDoc; lesions: LesionOption[]; names: Map<string, string>; canAct: boolean }) {
  const [moving, setMoving] = useState<string[] | null>(null);
  const tracking = lesions.find((l) => l.id === row.lesionId)?.trackingId ?? "unknown lesion";
  const set = (patch: { status?: BiopsyStatus; point?: Vec3 }) => {
    if (row.mark) collab.updateBiopsyMark(row.id, patch);
    else if (patch.point ?? row.point) collab.addBiopsyMark({ id: row.id, lesionId: row.lesionId, point: (patch.point ?? row.point)!, status: patch.status ?? row.status });
  };
  const target = moving ? parsePoint(moving) : undefined;
  return (
    <li data-testid="biopsy-mark" data-lesion={tracking} data-status={row.status} className="space-y-1 border-b border-line/60 py-2 last:border-0">
      <p className="flex items-center justify-between gap-2 text-sm">
        <span className="text-ink">
          {tracking} {row.point ? <span className="text-muted tabular">{formatMm(row.point)}</span> : <span className="text-faint">no point yet</span>}
        </span>
        <span data-testid="biopsy-status" className={`text-xs font-medium ${tone[row.status]}`}>
          {row.status}
        </span>
      </p>
      {row.suggestion && (
        <p className="text-xs text-muted">
          Suggested #{row.suggestion.rank}: {row.suggestion.sentence}
        </p>
      )}
      {row.mark && <p className="text-xs text-faint">by {names.get(row.mark.updatedBy ?? row.mark.authorId) ?? "someone"}</p>}
      {canAct && (
        <div className="flex flex-wrap gap-2">
          {(["accepted", "rejected", "sampled"] as const).map((status) => (
            <button key={status} type="button" data-testid={`biopsy-${status}`} className={buttonClass} disabled={row.status === status || !row.point} onClick={() => set({ status })}>
              {status === "accepted" ? "Accept" : status === "rejected" ? "Reject" : "Mark sampled"}
            </button>
          ))}
          {moving === null && (
            <button type="button" data-testid="biopsy-move" className={buttonClass} onClick={() => setMoving(row.point ? row.point.map(String) : ["", "", ""])}>
              Move
            </button>
          )}
        </div>
      )}
      {canAct && moving !== null && (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!target) return;
            set({ point: target });
            setMoving(null);
          }}
        >
          <PointInputs prefix="biopsy-move" value={moving} onChange={setMoving} />
          <button type="submit" data-testid="biopsy-move-save" className={primaryButtonClass} disabled={!target}>
            Save point
          </button>
        </form>
      )}
    </li>
  );
}

/** Biopsy targets: pathologists accept, reject, move or mark sampled, or add their own. */
export function BiopsyMarksPanel({ collab, lesions, suggestions, names }: { collab: CaseDoc; lesions: LesionOption[]; suggestions: BiopsySuggestion[]; names: Map<string, string> }) {
  const canAct = collab.me.role === "pathologist";
  const [lesionId, setLesionId] = useState(lesions[0]?.id ?? "");
  const [xyz, setXyz] = useState(["", "", ""]);
  const point = parsePoint(xyz);
  const list = rows(collab.biopsyMarks, suggestions);
  return (
    <div className="space-y-3">
      <ul aria-label="Biopsy marks">
        {list.length === 0 && <li className="text-sm text-faint">No biopsy targets yet.</li>}
        {list.map((r) => (
          <MarkRow key={r.id} row={r} collab={collab} lesions={lesions} names={names} canAct={canAct} />
        ))}
      </ul>
      {canAct ? (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!point || !lesionId) return;
            collab.addBiopsyMark({ lesionId, point, status: "proposed" });
            setXyz(["", "", ""]);
          }}
        >
          <LesionSelect lesions={lesions} value={lesionId} onChange={setLesionId} testId="biopsy-add-lesion" />
          <PointInputs prefix="biopsy-add" value={xyz} onChange={setXyz} />
          <button type="submit" data-testid="biopsy-add" className={primaryButtonClass} disabled={!point || !lesionId}>
            Add target
          </button>
        </form>
      ) : (
        <p className="text-xs text-faint">Pathologists accept, reject, move or add biopsy targets; everyone sees the status live.</p>
      )}
    </div>
  );
}
