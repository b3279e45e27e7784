import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadForPage } from "@/server/api/rsc";
import { AppHeader } from "@/components/ui/app-header";
import { PatientSummary } from "@/components/case/patient-summary";
import { TherapyTimeline } from "@/components/case/therapy-timeline";
import { CaseHeader } from "@/components/case/case-header";
import { caseViewModel } from "@/components/case/case-view-model";
import { LesionsPanel } from "@/components/case/lesions-panel";
import { ResponsePanel } from "@/components/case/response-panel";
import { LiquidPanel } from "@/components/case/liquid-panel";
import { HeterogeneityPanel } from "@/components/case/heterogeneity-panel";
import { BiopsyPanel } from "@/components/case/biopsy-panel";
import { AnalysisRefresher } from "@/components/case/analysis-refresher";
import { CollabPanel } from "@/components/collab";
import { CollabLesionMap } from "@/components/case/collab-lesion-map";
import { CaseViewerProvider } from "@/components/viewer/selection";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case" };

/**
 * The case view. From 1280 px wide (1366 and 1920 screens): the lesion map and the board's shared
 * space (presence, decision, threads) on the left, staying in view while the lesions and panels on
 * the right scroll. Narrower: the map, the board, then the panels two by two.
 */
export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) notFound();
  const [view, user, volumes, analyses, panels] = await loadForPage(`/cases/${caseId}`, (api) =>
    Promise.all([api.cases.get({ caseId }), api.session.me(), api.imaging.volumes({ caseId }), api.analyses.get({ caseId }), api.panels.get({ caseId })]),
  );
  const vm = caseViewModel(view, analyses, panels);
  return (
    <CaseViewerProvider>
      <AppHeader user={user} crumbs={[{ href: "/", label: view.boardName }, { label: `${view.patient.pseudonym} · ${view.diagnosis}` }]} />
      <main className="mx-auto max-w-[1880px] space-y-4 px-4 py-4 2xl:px-6">
        <CaseHeader view={view} agenda={panels.agenda} />
        <div className="grid items-start gap-4 xl:grid-cols-2 2xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <div className="min-w-0 space-y-4 xl:sticky xl:top-3 xl:max-h-[calc(100vh-1.5rem)] xl:overflow-y-auto">
            <CollabLesionMap caseId={view.id} user={{ id: user.id, name: user.name, role: user.role }} lesions={view.lesions} volumes={volumes} phenotypes={analyses.phenotypes} />
            <CollabPanel
              caseId={view.id}
              user={{ id: user.id, name: user.name, role: user.role }}
              lesions={view.lesions.map((l) => ({ id: l.id, trackingId: l.trackingId }))}
              timepoints={view.timepoints.map((t) => ({ id: t.id, date: t.date }))}
              suggestions={analyses.biopsy.map((b) => ({ lesionId: b.lesionId, rank: b.rank, sentence: b.sentence, pointMm: b.pointMm }))}
              shown={{ response: analyses.response }}
            />
          </div>
          <div className="grid min-w-0 items-start gap-4 lg:grid-cols-2 xl:grid-cols-1">
            <div className="min-w-0 lg:col-span-2 xl:col-span-1">
              <LesionsPanel rows={vm.lesions} phenotypeColours={vm.phenotypeColours} />
            </div>
            <ResponsePanel response={analyses.response} therapyStart={vm.therapyStart} />
            <LiquidPanel timeline={vm.liquid} samples={panels.liquidSamples} analysis={analyses.liquid} therapyStart={vm.therapyStart} />
            <BiopsyPanel targets={vm.biopsy} />
            <HeterogeneityPanel rows={vm.ith} phenotypes={analyses.phenotypes} state={vm.analysisState} phenotypeColours={vm.phenotypeColours} />
            <PatientSummary view={view} />
            <TherapyTimeline view={view} />
          </div>
        </div>
      </main>
      <AnalysisRefresher caseId={caseId} active={vm.analysisState.state === "running"} version={analyses.computedAt ? new Date(analyses.computedAt).toISOString() : null} />
    </CaseViewerProvider>
  );
}
