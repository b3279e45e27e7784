import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadForPage } from "@/server/api/rsc";
import { AppHeader } from "@/components/ui/app-header";
import { PatientSummary } from "@/components/case/patient-summary";
import { TherapyTimeline } from "@/components/case/therapy-timeline";
import { LesionTable } from "@/components/case/lesion-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) notFound();
  const [view, user] = await loadForPage(`/cases/${caseId}`, (api) => Promise.all([api.cases.get({ caseId }), api.session.me()]));
  return (
    <>
      <AppHeader user={user} crumbs={[{ href: "/", label: view.boardName }, { label: `${view.patient.pseudonym} · ${view.diagnosis}` }]} />
      <main className="mx-auto grid max-w-[1800px] gap-4 px-6 py-5 xl:grid-cols-[380px_1fr]">
        <div className="space-y-4">
          <PatientSummary view={view} />
          <TherapyTimeline view={view} />
        </div>
        <LesionTable view={view} />
      </main>
    </>
  );
}
