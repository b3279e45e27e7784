import { Badge } from "@/components/ui/badge";
import { formatChangePct, formatDate, formatMm, formatStudyDay } from "@/components/ui/format";
import { responseTone, type RecistRow } from "./response-data";

function Response({ label, testId }: { label: string | null; testId?: string }) {
  if (!label) return <span className="text-faint">—</span>;
  return (
    <span data-testid={testId}>
      <Badge tone={responseTone(label)}>{label}</Badge>
    </span>
  );
}

/** The RECIST 1.1 table per timepoint, with the iRECIST category beside it when the case is read with iRECIST. */
export function RecistTable({ rows, compact = false }: { rows: RecistRow[]; compact?: boolean }) {
  const withIrecist = rows.some((r) => r.irecist !== null);
  const cell = compact ? "px-1.5 py-1" : "px-1 py-1.5 @2xl:px-2";
  const th = `border-b border-line ${cell} text-xs font-medium text-muted whitespace-nowrap`;
  return (
    <div className="@container overflow-x-auto">
      <table aria-label="Response per timepoint" className={`w-full border-collapse ${compact ? "text-[10px]" : "text-xs @2xl:text-sm"}`} data-testid="recist-table">
        <thead>
          <tr>
            <th scope="col" className={`${th} text-left`}>Date</th>
            <th scope="col" className={`${th} text-right`}>Day</th>
            <th scope="col" className={`${th} text-left`}>RECIST 1.1</th>
            {withIrecist && <th scope="col" className={`${th} text-left`}>iRECIST</th>}
            <th scope="col" className={`${th} text-right`}>Sum (mm)</th>
            <th scope="col" className={`${th} text-right`}>vs baseline</th>
            <th scope="col" className={`${th} text-right`}>vs nadir</th>
            <th scope="col" className={`${th} text-left`}>Target</th>
            <th scope="col" className={`${th} text-left`}>Non-target</th>
            <th scope="col" className={`${th} text-left`}>New</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={r.id}
              data-testid="recist-row"
              data-mixed={r.mixedResponse || undefined}
              className={r.mixedResponse ? "bg-warn/10" : i === rows.length - 1 ? "bg-raised/60" : ""}
            >
              <td className={`border-b border-line/60 ${cell} whitespace-nowrap`}>
                {formatDate(r.date)}
                {i === 0 && <span className="ml-1 text-xs text-faint">baseline</span>}
                {r.mixedResponse && (
                  <span className="ml-1.5" title="Mixed response: one lesion shrinks by ≥30 % while another grows or is new">
                    <Badge tone="warn">mixed</Badge>
                  </span>
                )}
              </td>
              <td className={`tabular border-b border-line/60 ${cell} text-right whitespace-nowrap text-muted`}>{r.day === null ? "—" : formatStudyDay(r.day)}</td>
              <td className={`border-b border-line/60 ${cell} whitespace-nowrap`}>
                <Response label={r.recist} testId="recist-response" />
              </td>
              {withIrecist && (
                <td className={`border-b border-line/60 ${cell}`} title={r.notes.join("; ") || undefined}>
                  <Response label={r.irecist} testId="irecist-response" />
                </td>
              )}
              <td className={`tabular border-b border-line/60 ${cell} text-right`}>{formatMm(r.sumMm)}</td>
              <td className={`tabular border-b border-line/60 ${cell} text-right`}>{i === 0 ? "—" : formatChangePct(r.changeFromBaselinePct)}</td>
              <td className={`tabular border-b border-line/60 ${cell} text-right`}>{i === 0 ? "—" : formatChangePct(r.changeFromNadirPct)}</td>
              <td className={`border-b border-line/60 ${cell}`}>{r.target ?? <span className="text-faint">—</span>}</td>
              <td className={`border-b border-line/60 ${cell} whitespace-nowrap`}>{r.nonTarget ?? <span className="text-faint">—</span>}</td>
              <td className={`border-b border-line/60 ${cell}`}>{i === 0 ? <span className="text-faint">—</span> : r.newLesions ? <span className="font-medium text-bad">yes</span> : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
