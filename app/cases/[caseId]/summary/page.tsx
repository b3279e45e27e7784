import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadForPage } from "@/server/api/rsc";
import { caseViewModel } from "@/components/case/case-view-model";
import { PrintButton } from "@/components/case/print-button";
import { SummarySheet } from "@/components/case/summary-sheet";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case summary" };

/** The printable one-page case summary (browser print to PDF, A4 portrait). */
export default async function CaseSummaryPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) notFound();
  const [view, analyses, panels] = await loadForPage(`/cases/${caseId}/summary`, (api) =>
    Promise.all([api.cases.get({ caseId }), api.analyses.get({ caseId }), api.panels.get({ caseId })]),
  );
  return (
    <>
      <style>{"@page { size: A4 portrait; margin: 10mm; } @media print { html, body { background: #fff !important; } }"}</style>
      <div className="mx-auto flex max-w-[760px] items-center justify-between px-2 py-3 print:hidden">
        <Link href={`/cases/${caseId}`} className="text-sm text-muted hover:text-ink">
          ← Back to the case
        </Link>
        <PrintButton />
      </div>
      <main className="mx-auto mb-8 w-fit bg-white p-[10mm] shadow-xl print:m-0 print:p-0 print:shadow-none [print-color-adjust:exact]">
        <SummarySheet view={view} analyses={analyses} panels={panels} vm={caseViewModel(view, analyses, panels)} />
      </main>
    </>
  );
}
