import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th, Td } from "@/components/ui/table";
import { formatDate, formatMl, formatMm } from "@/components/ui/format";
import type { CaseView } from "@/server/api/routers/cases/handlers";

const roleTone = { target: "accent", "non-target": "neutral", new: "bad", "non-measurable": "neutral" } as const;

/** Lesions with their latest measurement and the change from baseline. */
export function LesionTable({ view }: { view: CaseView }) {
  if (view.lesions.length === 0) {
    return (
      <Card title="Lesions">
        <EmptyState title="No lesions recorded">Lesions appear here when a timepoint's segmentation has been analysed.</EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Lesions" testId="lesions">
      <Table label="Lesions with latest measurements">
        <thead>
          <tr>
            <Th>Lesion</Th>
            <Th>Site</Th>
            <Th>RECIST</Th>
            <Th align="right">Baseline</Th>
            <Th align="right">Latest</Th>
            <Th align="right">Change</Th>
            <Th align="right">Volume</Th>
            <Th>Latest on</Th>
          </tr>
        </thead>
        <tbody>
          {view.lesions.map((l) => {
            const baselineDate = view.timepoints[0]?.date;
            const size = (m: (typeof l.measurements)[number] | undefined) => (!m ? null : !m.present ? 0 : l.isLymphNode ? m.shortAxisMm : m.longAxisMm);
            const atBaseline = l.measurements.find((m) => m.date === baselineDate);
            const latest = l.measurements.at(-1);
            const base = size(atBaseline);
            const last = size(latest);
            const change = base && last != null ? ((last - base) / base) * 100 : null;
            return (
              <tr key={l.id} data-testid="lesion-row">
                <Td className="font-medium">{l.trackingId}</Td>
                <Td>
                  {l.site}
                  {l.isLymphNode && <span className="ml-1 text-xs text-faint">(short axis)</span>}
                </Td>
                <Td>
                  <Badge tone={roleTone[l.recistRole]}>{l.recistRole}</Badge>
                </Td>
                <Td align="right">{atBaseline ? formatMm(base) : <span className="text-bad">new {latest ? formatDate(l.measurements[0]!.date) : ""}</span>}</Td>
                <Td align="right">{latest && !latest.present ? "gone" : formatMm(last)}</Td>
                <Td align="right" className={change == null ? "" : change <= -30 ? "text-good" : change >= 20 ? "text-bad" : ""}>
                  {change == null ? "—" : `${change > 0 ? "+" : ""}${change.toFixed(0)} %`}
                </Td>
                <Td align="right">{formatMl(latest?.volumeMl)}</Td>
                <Td className="text-muted">{latest ? formatDate(latest.date) : "—"}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
