/**
 * Everything the case view's panels show, shaped once on the server from the three DTOs
 * (`cases.get`, `analyses.get`, `panels.get`); the case page and the print summary both use it.
 */
import { phenotypeColours } from "@/components/viewer/colours";
import { biopsyTargets } from "./biopsy-data";
import { analysisState, ithRows } from "./heterogeneity-data";
import { lesionRows } from "./lesion-rows";
import { liquidTimeline } from "./liquid-data";
import { primaryTimepoints } from "./response-data";
import type { AnalysesView, CaseView, PanelData } from "./types";

export function caseViewModel(view: CaseView, analyses: AnalysesView, panels: PanelData) {
  const phenotypeByLesion: Record<string, string> = {};
  for (const l of analyses.phenotypes?.lesions ?? []) if (l.phenotype) phenotypeByLesion[l.lesionId] = l.phenotype;
  const assessed = analyses.response ? primaryTimepoints(analyses.response) : [];
  const therapyStart = view.therapyLines.at(-1)?.startDate ?? null;
  const imaging = view.timepoints.map((tp) => ({ date: tp.date, response: assessed.find((a) => a.id === tp.id)?.overallResponse ?? null }));
  const state = analysisState(analyses.jobs);
  return {
    phenotypeByLesion,
    // The lesion map's colours (by phenotype cluster), so a phenotype looks the same everywhere.
    phenotypeColours: phenotypeColours(analyses.phenotypes),
    therapyStart,
    lesions: lesionRows(view.lesions, assessed, (id) => phenotypeByLesion[id] ?? null),
    liquid: liquidTimeline({ samples: panels.liquidSamples, analysis: analyses.liquid, therapyLines: view.therapyLines, imaging }),
    ith: ithRows(view.lesions, panels.radiomics),
    analysisState: state,
    biopsy: biopsyTargets(analyses.biopsy, view.lesions),
  };
}

export type CaseViewModel = ReturnType<typeof caseViewModel>;
