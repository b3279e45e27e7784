/** The data the case view's panels read: the DTOs of `cases.get`, `analyses.get` and `panels.get`. */
import type { CaseView } from "@/server/api/routers/cases/handlers";
import type { AnalysesView } from "@/server/api/routers/analyses/handlers";
import type { PanelData } from "@/server/api/routers/panels/handlers";
import type { RecistTimepointResult } from "@/server/analysis/response/types";

export type { CaseView, AnalysesView, PanelData, RecistTimepointResult };
export type CaseLesion = CaseView["lesions"][number];
export type ResponseAnalysis = NonNullable<AnalysesView["response"]>;
export type PhenotypeAnalysis = NonNullable<AnalysesView["phenotypes"]>;
export type LiquidAnalysisView = NonNullable<AnalysesView["liquid"]>;
export type BiopsySuggestionView = AnalysesView["biopsy"][number];

/** Per-lesion direction of change, shared by the spider, waterfall, sparklines and table. */
export type ChangeCategory = "shrinking" | "stable" | "growing" | "gone" | "new";

/** Reading of a value for colour: good, warning, bad or neutral. */
export type Tone = "good" | "warn" | "bad" | "neutral";
