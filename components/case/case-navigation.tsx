"use client";
/**
 * The presenter's controls: previous/next case in the meeting's agenda order, the keyboard
 * shortcuts (n/p cases, h/b overlays, [/] timepoints, ? list), and the link to the printable
 * summary. Overlay and timepoint shortcuts go through the case view's shared viewer state, so the
 * lesion map reacts.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCaseViewer } from "@/components/viewer/selection";
import { isEditableTarget, shortcutFor, SHORTCUTS, type ShortcutAction } from "./shortcuts";
import type { PanelData } from "./types";

type Agenda = NonNullable<PanelData["agenda"]>;

const button = "inline-flex items-center gap-1.5 rounded border border-line px-2.5 py-1 text-sm text-muted hover:border-faint hover:text-ink";

function NavLink({ to, dir }: { to: Agenda["prev"]; dir: "prev" | "next" }) {
  const label = dir === "prev" ? "Previous case" : "Next case";
  if (!to) {
    return (
      <span className={`${button} cursor-not-allowed opacity-40`} aria-disabled="true" data-testid={`${dir}-case`}>
        {dir === "prev" ? "← Previous" : "Next →"}
      </span>
    );
  }
  return (
    <Link href={`/cases/${to.caseId}`} className={button} data-testid={`${dir}-case`} aria-label={`${label}: ${to.position}. ${to.pseudonym}, ${to.diagnosis}`} title={`${to.pseudonym} · ${to.diagnosis} (${dir === "prev" ? "p" : "n"})`}>
      {dir === "prev" ? "← Previous" : "Next →"}
    </Link>
  );
}

export function CaseNavigation({ caseId, agenda }: { caseId: string; agenda: Agenda | null }) {
  const router = useRouter();
  const { commands } = useCaseViewer();
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState("");
  const dialog = useRef<HTMLDivElement>(null);

  const run = useCallback(
    (action: ShortcutAction) => {
      const viewer = (what: string, f: (c: NonNullable<typeof commands>) => void) => {
        if (!commands) return setNotice(`The lesion map is not ready: ${what} is not available yet.`);
        f(commands);
        setNotice(what);
      };
      switch (action) {
        case "next-case":
        case "prev-case": {
          const to = action === "next-case" ? agenda?.next : agenda?.prev;
          if (to) router.push(`/cases/${to.caseId}`);
          else setNotice(action === "next-case" ? "This is the last case on the agenda." : "This is the first case on the agenda.");
          return;
        }
        case "toggle-entropy":
          return viewer("Heterogeneity overlay toggled", (c) => c.toggleOverlay("entropy"));
        case "toggle-habitats":
          return viewer("Habitats overlay toggled", (c) => c.toggleOverlay("habitats"));
        case "prev-timepoint":
          return viewer("Previous timepoint", (c) => c.stepTimepoint(-1));
        case "next-timepoint":
          return viewer("Next timepoint", (c) => c.stepTimepoint(1));
        case "help":
          return setHelp((h) => !h);
      }
    },
    [agenda, commands, router],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") return setHelp(false);
      const action = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inEditable: isEditableTarget(e.target) });
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  useEffect(() => {
    if (help) dialog.current?.focus();
  }, [help]);

  return (
    <nav aria-label="Meeting" className="flex shrink-0 flex-wrap items-center gap-2 print:hidden" data-testid="case-navigation">
      {agenda && (
        <>
          <NavLink to={agenda.prev} dir="prev" />
          <span className="text-sm text-muted tabular" data-testid="agenda-position">
            Case {agenda.index} of {agenda.total}
          </span>
          <NavLink to={agenda.next} dir="next" />
        </>
      )}
      <Link href={`/cases/${caseId}/summary`} className={button} data-testid="print-summary">
        Print summary
      </Link>
      <button type="button" className={button} onClick={() => setHelp(true)} aria-haspopup="dialog" aria-keyshortcuts="?">
        Shortcuts <kbd className="rounded bg-raised px-1 text-xs">?</kbd>
      </button>
      <span role="status" aria-live="polite" className="sr-only" data-testid="shortcut-status">
        {notice}
      </span>
      {help && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-canvas/70" onClick={() => setHelp(false)}>
          <div
            ref={dialog}
            role="dialog"
            aria-modal="true"
            aria-labelledby="shortcuts-title"
            tabIndex={-1}
            onClick={(e) => e.stopPropagation()}
            className="w-[26rem] rounded-lg border border-line bg-surface p-5 shadow-xl"
            data-testid="shortcut-help"
          >
            <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
              Keyboard shortcuts
            </h2>
            <dl className="grid grid-cols-[3rem_1fr] gap-x-3 gap-y-2 text-sm">
              {SHORTCUTS.map((s) => (
                <div key={s.key} className="contents">
                  <dt>
                    <kbd className="rounded border border-line bg-raised px-1.5 py-0.5 font-mono text-xs">{s.key}</kbd>
                  </dt>
                  <dd className="text-ink">{s.description}</dd>
                </div>
              ))}
            </dl>
            <button type="button" onClick={() => setHelp(false)} className={`${button} mt-4`}>
              Close <kbd className="text-xs">Esc</kbd>
            </button>
          </div>
        </div>
      )}
    </nav>
  );
}
