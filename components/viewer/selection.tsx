"use client";
/**
 * The case view's shared viewer state: the selected lesion (by tracking id) that every panel and
 * the lesion map show, "show on map" requests from panels (biopsy points), and the mounted
 * viewer's commands for keyboard shortcuts. The page wraps its panels in <CaseViewerProvider>.
 */
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { FocusRequest, Vec3Mm, ViewerCommands } from "./types";

export interface CaseViewerState {
  selectedLesion: string | null;
  selectLesion(trackingId: string | null): void;
  /** The latest "show on map" request; the lesion map jumps its crosshair there. */
  focus: FocusRequest | null;
  showOnMap(pointMm: Vec3Mm, timepointId?: string): void;
  /** The mounted lesion map's commands (null until it is mounted). */
  commands: ViewerCommands | null;
  registerCommands(commands: ViewerCommands | null): void;
}

const CaseViewerContext = createContext<CaseViewerState | null>(null);

export function CaseViewerProvider({ children, initialLesion = null }: { children: React.ReactNode; initialLesion?: string | null }) {
  const [selectedLesion, selectLesion] = useState<string | null>(initialLesion);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [commands, registerCommands] = useState<ViewerCommands | null>(null);
  const showOnMap = useCallback((pointMm: Vec3Mm, timepointId?: string) => setFocus((f) => ({ pointMm, timepointId, key: (Number(f?.key) || 0) + 1 })), []);
  const value = useMemo(
    () => ({ selectedLesion, selectLesion, focus, showOnMap, commands, registerCommands }),
    [selectedLesion, focus, showOnMap, commands],
  );
  return <CaseViewerContext.Provider value={value}>{children}</CaseViewerContext.Provider>;
}

/** The case view's viewer state; throws outside <CaseViewerProvider>, where selection would silently do nothing. */
export function useCaseViewer(): CaseViewerState {
  const state = useContext(CaseViewerContext);
  if (!state) throw new Error("useCaseViewer needs a <CaseViewerProvider> around the case view");
  return state;
}

/**
 * A lesion table row that selects its lesion on click or Enter/Space and shows when it is
 * selected. Server-rendered tables use it in place of <tr>.
 */
export function SelectableLesionRow({ trackingId, children, className = "", testId = "lesion-row" }: { trackingId: string; children: React.ReactNode; className?: string; testId?: string }) {
  const { selectedLesion, selectLesion } = useCaseViewer();
  const selected = selectedLesion === trackingId;
  return (
    <tr
      data-testid={testId}
      data-tracking-id={trackingId}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => selectLesion(trackingId)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          selectLesion(trackingId);
        }
      }}
      className={`cursor-pointer transition-colors hover:bg-raised/70 ${selected ? "bg-accent/10 shadow-[inset_3px_0_0_var(--color-accent)]" : ""} ${className}`}
    >
      {children}
    </tr>
  );
}
