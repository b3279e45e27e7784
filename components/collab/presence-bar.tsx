"use client";
import type { CaseDoc, Peer } from "./use-case-doc";
import { buttonClass, formatMm, initials, inputClass } from "./format";

export interface TimepointOption {
  id: string;
  date: string;
}

/** One avatar per person (several tabs of one person count once). */
function people(peers: Peer[]): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const p of peers) if (!byUser.has(p.user.id) || p.presenting) byUser.set(p.user.id, p);
  return [...byUser.values()];
}

/** Who is in the case, who presents, and this tab's view (followed or its own). */
export function PresenceBar({ collab, timepoints }: { collab: CaseDoc; timepoints: TimepointOption[] }) {
  const { presenter, view } = collab;
  const date = (id: string) => timepoints.find((t) => t.id === id)?.date ?? "unknown timepoint";
  return (
    <div className="space-y-3">
      <ul aria-label="People in this case" className="flex flex-wrap gap-2">
        {people(collab.peers).map((p) => (
          <li
            key={p.user.id}
            data-testid="presence-avatar"
            data-user-id={p.user.id}
            title={`${p.user.name} · ${p.user.role}${p.presenting ? " · presenting" : ""}${p.user.id === collab.me.id ? " (you)" : ""}`}
            className="flex items-center gap-1.5 rounded-full border border-line bg-raised py-0.5 pr-2.5 pl-0.5 text-xs"
          >
            <span className="grid size-6 place-items-center rounded-full text-[11px] font-semibold text-canvas" style={{ backgroundColor: p.user.color }} aria-hidden>
              {initials(p.user.name)}
            </span>
            <span className="text-ink">{p.user.name}</span>
            {p.presenting && <span className="text-accent">▶</span>}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" data-testid="present-toggle" className={buttonClass} onClick={() => collab.setPresenting(!collab.presenting)}>
          {collab.presenting ? "Stop presenting" : "Present"}
        </button>
        <span data-testid="follow-status" className="text-muted">
          {collab.presenting ? "You are presenting" : presenter ? (collab.following ? `Following ${presenter.user.name}` : `${presenter.user.name} is presenting`) : "No one is presenting"}
        </span>
        {presenter && !collab.presenting && (
          <button type="button" data-testid="follow-toggle" className={buttonClass} onClick={() => (collab.following ? collab.takeControl() : collab.follow())}>
            {collab.following ? "Take control" : "Follow"}
          </button>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="text-muted" htmlFor="collab-view-timepoint">
          View
        </label>
        <select
          id="collab-view-timepoint"
          data-testid="view-timepoint"
          className={inputClass}
          value={view?.timepointId ?? ""}
          onChange={(e) => collab.setMyView({ timepointId: e.target.value, crosshairMm: view?.crosshairMm ?? null, sliceType: view?.sliceType ?? "axial" })}
        >
          <option value="" disabled>
            choose a timepoint
          </option>
          {timepoints.map((t) => (
            <option key={t.id} value={t.id}>
              {t.date}
            </option>
          ))}
        </select>
        <span data-testid="my-view" className="text-muted tabular">
          {view ? `${date(view.timepointId)} · ${view.sliceType}${view.crosshairMm ? ` · ${formatMm(view.crosshairMm)}` : ""}` : "no view yet"}
        </span>
      </div>
    </div>
  );
}
