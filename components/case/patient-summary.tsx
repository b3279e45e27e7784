import { Card } from "@/components/ui/card";
import type { CaseView } from "@/server/api/routers/cases/handlers";

export function PatientSummary({ view }: { view: CaseView }) {
  const rows: [string, string][] = [
    ["Patient", `${view.patient.pseudonym} · ${view.patient.sex}, born ${view.patient.birthYear}`],
    ["Diagnosis", view.diagnosis],
    ["Primary", view.primarySite],
    ["Histology", view.histology],
    ["Molecular", view.molecular || "—"],
    ["Stage", view.stage || "—"],
  ];
  return (
    <Card title="Patient" testId="patient-summary">
      <h1 className="mb-3 text-lg font-semibold leading-snug">{view.diagnosis}</h1>
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="text-ink">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
