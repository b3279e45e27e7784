import { daysBetween, formatDate, formatStudyDay } from "@/components/ui/format";
import { CaseNavigation } from "./case-navigation";
import type { CaseView, PanelData } from "./types";

/** The case in one glance: who, what, under which therapy, and the question for the board; with the presenter's controls. */
export function CaseHeader({ view, agenda }: { view: CaseView; agenda: PanelData["agenda"] }) {
  const line = view.therapyLines.at(-1);
  const lastScan = view.timepoints.at(-1);
  return (
    <section className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 rounded-lg border border-line bg-surface px-4 py-3 xl:flex-nowrap" data-testid="case-header">
      <div className="min-w-0 max-w-5xl flex-1">
        <h1 className="text-lg leading-snug font-semibold">
          {view.diagnosis}
          <span className="ml-2 text-sm font-normal text-muted">
            {view.patient.pseudonym} · {view.patient.sex === "female" ? "F" : "M"}, born {view.patient.birthYear}
            {view.molecular && ` · ${view.molecular}`}
          </span>
        </h1>
        {line && (
          <p className="text-sm text-muted">
            <span className="text-ink">{line.name}</span> since {formatDate(line.startDate)}
            {lastScan && ` · last CT ${formatDate(lastScan.date)} (${formatStudyDay(daysBetween(line.startDate, lastScan.date))})`}
          </p>
        )}
        {agenda?.question && (
          <p className="mt-1.5 text-sm" data-testid="board-question">
            <span className="font-medium text-accent-strong">Question for the board: </span>
            {agenda.question}
          </p>
        )}
      </div>
      <CaseNavigation caseId={view.id} agenda={agenda} />
    </section>
  );
}
