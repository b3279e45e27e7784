/**
 * The liquid-profiling panel (DESIGN §2.5): the timeline chart, each analyte's baseline and latest
 * value with its doubling or halving time, and the flags (molecular response, clearance,
 * progression, emerging variants, marker rises, discordance with imaging) as a list.
 */
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { daysBetween, formatDate, formatPercent, formatQuantity, formatStudyDay } from "@/components/ui/format";
import { analyteSummaries, type AnalyteSummary, type FlagItem, type LiquidTimeline } from "./liquid-data";
import { LiquidTimelineChart } from "./liquid-timeline-chart";
import type { LiquidAnalysisView, PanelData } from "./types";

function value(a: AnalyteSummary, p: AnalyteSummary["first"]) {
  if (!p) return "—";
  if (!p.detected) return <span className="text-muted">not detected{a.lod !== null && ` (< ${a.kind === "marker" ? formatQuantity(a.lod, a.unit) : formatPercent(a.lod)})`}</span>;
  return a.kind === "marker" ? formatQuantity(p.value, a.unit) : formatPercent(p.value);
}

export function FlagList({ flags, therapyStart }: { flags: FlagItem[]; therapyStart: string | null }) {
  if (flags.length === 0) return <p className="text-sm text-muted">No liquid-profiling flags.</p>;
  return (
    <ul className="space-y-1.5 text-sm" data-testid="liquid-flags">
      {flags.map((f, i) => (
        <li key={`${f.date}-${f.kind}-${i}`} className="grid grid-cols-[7.5rem_auto_1fr] items-baseline gap-2" data-testid="liquid-flag" data-kind={f.kind}>
          <span className="tabular text-muted">
            {formatDate(f.date)}
            {therapyStart && <span className="block text-xs text-faint">{formatStudyDay(daysBetween(therapyStart, f.date))}</span>}
          </span>
          <Badge tone={f.tone === "neutral" ? "neutral" : f.tone}>{f.label}</Badge>
          <span className="text-ink">{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function LiquidPanel({
  timeline,
  samples,
  analysis,
  therapyStart,
}: {
  timeline: LiquidTimeline;
  samples: PanelData["liquidSamples"];
  analysis: LiquidAnalysisView | null;
  therapyStart: string | null;
}) {
  if (samples.length === 0) {
    return (
      <Card title="Liquid profiling" testId="liquid-panel">
        <EmptyState title="No liquid-profiling results">Import ctDNA and tumor-marker results (CSV or FHIR) to see them on the timeline.</EmptyState>
      </Card>
    );
  }
  const analytes = analyteSummaries(samples, analysis);
  return (
    <Card title="Liquid profiling" testId="liquid-panel" actions={<span className="text-xs text-faint">plasma ctDNA and serum markers</span>}>
      <div className="space-y-4">
        <LiquidTimelineChart data={timeline} />
        <Table label="Analytes: first and latest result and trend">
          <thead>
            <tr>
              <Th>Analyte</Th>
              <Th align="right">First</Th>
              <Th align="right">Latest</Th>
              <Th>Trend (last 3 values)</Th>
            </tr>
          </thead>
          <tbody>
            {analytes.map((a) => (
              <tr key={a.name} data-testid="analyte-row">
                <Td className="font-medium">
                  {a.name} <span className="text-xs font-normal text-faint">{a.kind === "marker" ? "marker" : "ctDNA"}</span>
                </Td>
                <Td align="right">{value(a, a.first)}</Td>
                <Td align="right" className="font-medium">
                  {value(a, a.latest)}
                </Td>
                <Td className="text-muted">{a.trend ?? <span className="text-faint" title={a.trendNote ?? undefined}>not fitted</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div>
          <h3 className="mb-2 text-xs font-medium tracking-wide text-muted uppercase">Flags</h3>
          <FlagList flags={timeline.flags} therapyStart={therapyStart} />
        </div>
      </div>
    </Card>
  );
}
