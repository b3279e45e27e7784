/**
 * The printable one-page case summary (A4 portrait): the question, the key figures, the response
 * table with spider and waterfall plots, the liquid-profiling timeline with its flags, the lesions
 * and the top biopsy targets. A light sheet on screen and on paper; the charts have fixed sizes so
 * the page fits.
 */
import { Badge } from "@/components/ui/badge";
import { formatChangePct, formatDate, formatMm, formatStudyDay, daysBetween } from "@/components/ui/format";
import type { CaseViewModel } from "./case-view-model";
import { REPEATABILITY_CAVEAT } from "./heterogeneity-panel";
import { keyLiquidFlags } from "./liquid-data";
import { LiquidTimelineChart } from "./liquid-timeline-chart";
import { RecistTable } from "./recist-table";
import { mixedResponseNotes, primaryTimepoints, recistRows, responseTone, spiderData, waterfallBars } from "./response-data";
import { SpiderPlot } from "./spider-plot";
import { WaterfallPlot } from "./waterfall-plot";
import type { AnalysesView, CaseView, PanelData } from "./types";

/** Light theme tokens for paper: the same names as app/globals.css, so every utility follows. */
const PAPER = {
  "--color-canvas": "#ffffff",
  "--color-surface": "#ffffff",
  "--color-raised": "#f1f3f5",
  "--color-line": "#c9d0d8",
  "--color-ink": "#111418",
  "--color-muted": "#4a5561",
  "--color-faint": "#6b7682",
  "--color-accent": "#1f6fb2",
  "--color-accent-strong": "#185a91",
  "--color-good": "#1d7f4e",
  "--color-warn": "#9a6400",
  "--color-bad": "#b8382b",
} as React.CSSProperties;

/** Sheet width in CSS px: A4 (210 mm) minus 10 mm margins each side at 96 px/in. */
const SHEET_PX = 718;

function Figure({ label, value, tone, note }: { label: string; value: React.ReactNode; tone?: "good" | "warn" | "bad" | "neutral"; note?: string }) {
  const colour = tone === "good" ? "text-good" : tone === "bad" ? "text-bad" : tone === "warn" ? "text-warn" : "text-ink";
  return (
    <div className="rounded border border-line px-2 py-1">
      <div className="text-[9px] tracking-wide text-muted uppercase">{label}</div>
      <div className={`text-[12px] leading-tight font-semibold ${colour}`}>{value}</div>
      {note && <div className="text-[9px] leading-tight text-muted">{note}</div>}
    </div>
  );
}

export function SummarySheet({ view, analyses, panels, vm }: { view: CaseView; analyses: AnalysesView; panels: PanelData; vm: CaseViewModel }) {
  const response = analyses.response;
  const primary = response ? primaryTimepoints(response) : [];
  const latest = primary.at(-1);
  const rows = response ? recistRows(response, vm.therapyStart) : [];
  const spider = spiderData(primary, vm.therapyStart);
  const mixed = mixedResponseNotes(primary).at(-1);
  const line = view.therapyLines.at(-1);
  const liquidKey = keyLiquidFlags(vm.liquid.flags);
  const top = vm.biopsy.slice(0, 3);
  const index = analyses.phenotypes?.heterogeneityIndex;
  const clusters = analyses.phenotypes?.clustering?.clusters ?? [];
  return (
    <article style={{ ...PAPER, width: SHEET_PX }} className="mx-auto space-y-2 bg-surface p-0 text-[10px] leading-snug text-ink [&_figcaption]:text-[9px]" data-testid="summary-sheet">
      <header className="border-b border-line pb-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <h1 className="text-[15px] font-semibold">
            {view.diagnosis} <span className="text-[11px] font-normal text-muted">{view.patient.pseudonym} · {view.patient.sex === "female" ? "F" : "M"}, born {view.patient.birthYear}</span>
          </h1>
          <span className="text-[9px] whitespace-nowrap text-muted">{view.boardName}{panels.agenda && ` · ${formatDate(panels.agenda.startsAt.slice(0, 10))} · case ${panels.agenda.index} of ${panels.agenda.total}`}</span>
        </div>
        {line && (
          <p className="text-muted">
            {view.molecular && `${view.molecular} · `}
            {line.name} since {formatDate(line.startDate)} · {view.timepoints.length} CT timepoints, last {view.timepoints.at(-1) ? `${formatDate(view.timepoints.at(-1)!.date)} (${formatStudyDay(daysBetween(line.startDate, view.timepoints.at(-1)!.date))})` : "—"}
          </p>
        )}
        {panels.agenda?.question && (
          <p className="mt-0.5 text-[11px]">
            <span className="font-semibold">Question: </span>
            {panels.agenda.question}
          </p>
        )}
      </header>

      <section className="grid grid-cols-[1fr_1fr_1.2fr_1.9fr_0.9fr] gap-1.5" aria-label="Key figures">
        <Figure label={`Response ${response?.primary === "irecist" ? "(iRECIST)" : "(RECIST 1.1)"}`} value={latest?.overallResponse ?? "—"} tone={responseTone(latest?.overallResponse ?? null)} note={latest ? formatDate(latest.date) : undefined} />
        <Figure label="Target sum" value={`${formatMm(latest?.sumMm)}`} note={`${formatChangePct(latest?.changeFromBaselinePct)} baseline · ${formatChangePct(latest?.changeFromNadirPct)} nadir`} />
        <Figure label="Per lesion" value={mixed ? "Mixed response" : "Concordant"} tone={mixed ? "warn" : "neutral"} note={mixed ? [...mixed.growing.map((g) => `${g.lesionId} ${formatChangePct(g.pctFromNadir)} nadir`), ...mixed.newLesions.map((n) => `new ${n}`)].join(", ") : undefined} />
        <Figure
          label="Liquid profiling"
          value={liquidKey.items.length ? liquidKey.items.map((f) => f.label).join(" · ") : "No flags"}
          tone={liquidKey.items.at(-1)?.tone}
          note={liquidKey.discordance ? `discordant with imaging ${formatDate(liquidKey.discordance.date)}` : undefined}
        />
        <Figure label="Biopsy target" value={top[0]?.trackingId ?? "—"} note={top[0]?.site} />
      </section>

      <section className="grid grid-cols-2 gap-2">
        <div>
          <h2 className="font-semibold text-muted">Spider plot · % change from baseline</h2>
          <SpiderPlot series={spider.series} newLesions={spider.newLesions} fromTherapy={vm.therapyStart !== null} width={352} height={158} />
        </div>
        <div>
          <h2 className="font-semibold text-muted">Waterfall · best % change per lesion</h2>
          <WaterfallPlot bars={waterfallBars(primary)} width={352} height={140} />
        </div>
      </section>

      <section className="text-[10px] [&_td]:py-0.5 [&_th]:py-0.5">
        <RecistTable rows={rows} compact />
      </section>

      <section>
        <h2 className="font-semibold text-muted">Liquid profiling</h2>
        <LiquidTimelineChart data={vm.liquid} width={SHEET_PX} height={176} controls={false} />
        <ul className="mt-0.5 grid grid-cols-2 gap-x-3">
          {vm.liquid.flags.map((f, i) => (
            <li key={i}>
              <span className="text-muted">{formatDate(f.date)}</span> <Badge tone={f.tone}>{f.label}</Badge>
            </li>
          ))}
        </ul>
      </section>

      <section className="grid grid-cols-[3fr_2fr] items-start gap-3">
        <table className="w-full border-collapse" aria-label="Lesions">
          <thead>
            <tr className="text-muted">
              {["Lesion", "Site", "Size", "vs baseline", "vs nadir", "ITH", "Phenotype"].map((h) => (
                <th key={h} className="border-b border-line py-0.5 pr-1 text-left font-medium">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {vm.lesions.map((l) => (
              <tr key={l.trackingId}>
                <td className="py-0.5 pr-1 font-semibold">{l.trackingId}</td>
                <td className="py-0.5 pr-1">{l.site}</td>
                <td className="tabular py-0.5 pr-1 whitespace-nowrap">{l.sizeMm === 0 ? "gone" : formatMm(l.sizeMm)}</td>
                <td className="tabular py-0.5 pr-1">{l.category === "new" ? "new" : formatChangePct(l.changeFromBaselinePct)}</td>
                <td className={`tabular py-0.5 pr-1 ${l.category === "growing" ? "font-semibold text-bad" : ""}`}>{formatChangePct(l.changeFromNadirPct)}</td>
                <td className="tabular py-0.5 pr-1 whitespace-nowrap">{l.tooSmallForTexture ? "too small" : l.ith === null ? "—" : `${Math.round(l.ith)}/100`}</td>
                <td className="py-0.5">{l.phenotype ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="space-y-1">
          <h2 className="font-semibold text-muted">Biopsy targets</h2>
          <ol className="space-y-0.5">
            {top.map((t) => (
              <li key={t.trackingId}>
                <span className="font-semibold">{t.rank}. {t.trackingId}</span> ({t.score.toFixed(1)} of {t.maxScore} pts) {t.sentence.replace(/^[^:]+:\s*/, "")}
              </li>
            ))}
          </ol>
          <p>
            <span className="font-semibold">Heterogeneity: </span>
            {index ? `interlesional index ${index.meanDistance.toFixed(2)} SD (max ${index.maxDistance.toFixed(2)} SD)` : "interlesional index not computed"}
            {clusters.length > 0 && ` · ${clusters.map((c) => `${c.phenotype}: ${c.lesionIds.join(", ")}`).join("; ")}`}
          </p>
          <p className="text-[9px] text-muted">{REPEATABILITY_CAVEAT}</p>
        </div>
      </section>
      <footer className="border-t border-line pt-1 text-[8px] text-muted">
        Mosaic case summary for board discussion · analyses as computed {analyses.computedAt ? formatDate(new Date(analyses.computedAt).toISOString().slice(0, 10)) : "—"} · not a radiology report
      </footer>
    </article>
  );
}
