/**
 * The response panel (DESIGN §2.4): the latest overall response in one line, why a timepoint is a
 * mixed response, the RECIST table per timepoint (iRECIST beside it), the spider plot and the
 * waterfall plot. Shapes the data on the server; the charts hydrate on the client.
 */
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatChangePct, formatDate, formatMm } from "@/components/ui/format";
import { RecistTable } from "./recist-table";
import { mixedResponseNotes, primaryTimepoints, recistRows, responseTone, spiderData, waterfallBars, type MixedResponseNote } from "./response-data";
import { SpiderPlot } from "./spider-plot";
import { WaterfallPlot } from "./waterfall-plot";
import type { ResponseAnalysis } from "./types";

function MixedNote({ note }: { note: MixedResponseNote }) {
  const parts = [
    note.shrinking.length > 0 && `${note.shrinking.map((s) => `${s.lesionId} ${formatChangePct(s.pct)}`).join(", ")} from baseline`,
    note.growing.length > 0 && `${note.growing.map((g) => `${g.lesionId} ${formatChangePct(g.pctFromNadir)} (${formatMm(g.mmFromNadir)})`).join(", ")} from nadir`,
    note.newLesions.length > 0 && `new ${note.newLesions.join(", ")}`,
  ].filter(Boolean);
  return (
    <li>
      <span className="font-medium text-warn">{formatDate(note.date)}:</span> {parts.join(" · ")}
    </li>
  );
}

export function ResponsePanel({ response, therapyStart }: { response: ResponseAnalysis | null; therapyStart: string | null }) {
  if (!response || response.recist.length === 0) {
    return (
      <Card title="Response" testId="response-panel">
        <EmptyState title={response?.error ? "The response could not be assessed" : "No response assessment yet"}>
          {response?.error ?? "The RECIST table appears once the case has measured timepoints."}
        </EmptyState>
      </Card>
    );
  }
  const primary = primaryTimepoints(response);
  const rows = recistRows(response, therapyStart);
  const spider = spiderData(primary, therapyStart);
  const bars = waterfallBars(primary);
  const mixed = mixedResponseNotes(primary);
  const latest = primary.at(-1)!;
  const latestRecist = rows.at(-1)!;
  const scheme = response.primary === "irecist" ? "iRECIST" : "RECIST 1.1";
  return (
    <Card title="Response" testId="response-panel" actions={<span className="text-xs text-faint">{scheme}{response.primary === "irecist" && " (immunotherapy) · RECIST 1.1 beside it"}</span>}>
      <div className="@container space-y-4">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="response-summary">
          <span className="text-muted">Latest ({formatDate(latest.date)}):</span>
          <span className="text-base font-semibold">
            <Badge tone={responseTone(latest.overallResponse)}>{latest.overallResponse ?? "—"}</Badge>
          </span>
          {response.primary === "irecist" && latestRecist.recist && <span className="text-muted">RECIST 1.1 {latestRecist.recist}</span>}
          <span>
            sum {formatMm(latest.sumMm)}, <span className="tabular">{formatChangePct(latest.changeFromBaselinePct)}</span> from baseline,{" "}
            <span className="tabular">{formatChangePct(latest.changeFromNadirPct)}</span> from nadir
          </span>
          {latest.newLesions && <Badge tone="bad">new lesion</Badge>}
          {latest.mixedResponse && <Badge tone="warn">mixed response</Badge>}
        </p>
        {mixed.length > 0 && (
          <div className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm" data-testid="mixed-response">
            <p className="font-medium text-warn">Mixed response: lesions diverge — the sum alone hides it</p>
            <ul className="mt-1 space-y-0.5 text-ink">
              {mixed.map((n) => (
                <MixedNote key={n.date} note={n} />
              ))}
            </ul>
          </div>
        )}
        <RecistTable rows={rows} />
        {response.primary === "irecist" && (
          <ul className="space-y-0.5 text-xs text-muted" data-testid="irecist-notes">
            {rows
              .filter((r) => r.irecist !== null && r.notes.length > 0)
              .map((r) => (
                <li key={r.id}>
                  <span className="text-ink">{formatDate(r.date)}, {r.irecist}:</span> {r.notes.join("; ")}
                </li>
              ))}
          </ul>
        )}
        <div className="grid gap-4 @2xl:grid-cols-2">
          <div>
            <h3 className="mb-1 text-xs font-medium text-muted">Spider plot · % change of each lesion from baseline</h3>
            <SpiderPlot series={spider.series} newLesions={spider.newLesions} fromTherapy={therapyStart !== null} />
          </div>
          <div>
            <h3 className="mb-1 text-xs font-medium text-muted">Waterfall · best % change per lesion</h3>
            <WaterfallPlot bars={bars} />
          </div>
        </div>
        <p className="text-xs text-faint">
          Dashed spider lines are non-target lesions. Lines are coloured by the latest change: green ≤ -30 % from baseline, red ≥ +20 % and ≥ 5 mm from
          the lesion&apos;s nadir.
        </p>
      </div>
    </Card>
  );
}
