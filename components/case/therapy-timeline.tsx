import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { daysBetween, formatDate, formatStudyDay } from "@/components/ui/format";
import type { CaseView } from "@/server/api/routers/cases/handlers";

/** Therapy lines and imaging timepoints, with days relative to the current line's start. */
export function TherapyTimeline({ view }: { view: CaseView }) {
  const current = view.therapyLines.at(-1);
  return (
    <Card title="Therapy and timepoints" testId="therapy">
      {view.therapyLines.length === 0 ? (
        <EmptyState title="No therapy lines recorded" />
      ) : (
        <ul className="mb-4 space-y-2 text-sm">
          {view.therapyLines.map((l) => (
            <li key={l.id} className="rounded-md border border-line bg-raised px-3 py-2">
              <span className="font-medium">Line {l.line}: {l.name}</span>
              <span className="block text-xs text-muted">
                {formatDate(l.startDate)} – {l.endDate ? formatDate(l.endDate) : "ongoing"}
                {l.intent && ` · ${l.intent}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {view.timepoints.length === 0 ? (
        <EmptyState title="No imaging timepoints yet" />
      ) : (
        <ol className="space-y-1 text-sm" data-testid="timepoints">
          {view.timepoints.map((t, i) => (
            <li key={t.id} className="flex justify-between gap-2">
              <span>
                <span className="text-muted">{i === 0 ? "Baseline" : `Follow-up ${i}`}</span> · {t.modality}
              </span>
              <span className="tabular text-muted">
                {formatDate(t.date)}
                {current && <span className="ml-2 text-faint">{formatStudyDay(daysBetween(current.startDate, t.date))}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
