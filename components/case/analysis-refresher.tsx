"use client";
/**
 * While the case's scans are being analysed, polls the analyses' progress and re-renders the
 * page's server data when new results are stored, so scores, phenotypes and biopsy points appear
 * without a reload. Client state (selection, viewer) survives a refresh.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const POLL_MS = 4000;

interface Progress {
  open: number;
  version: string | null;
}

async function fetchProgress(caseId: string, signal: AbortSignal): Promise<Progress | null> {
  const res = await fetch(`/api/trpc/panels.progress?input=${encodeURIComponent(JSON.stringify({ caseId }))}`, { signal, cache: "no-store" });
  if (!res.ok) return null;
  const body = (await res.json()) as { result?: { data?: Progress } };
  return body.result?.data ?? null;
}

export function AnalysisRefresher({ caseId, active, version }: { caseId: string; active: boolean; version: string | null }) {
  const router = useRouter();
  const seen = useRef(version);
  useEffect(() => {
    seen.current = version;
  }, [version]);
  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Case analyses are recomputed just after the last job finishes: look twice more after that.
    let after = 2;
    const tick = async () => {
      const p = await fetchProgress(caseId, abort.signal).catch(() => null);
      if (abort.signal.aborted) return;
      if (p && p.version !== seen.current) {
        seen.current = p.version;
        router.refresh();
      }
      if (!p) return;
      if (p.open === 0) after--;
      if (after > 0) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [caseId, active, router]);
  return null;
}
