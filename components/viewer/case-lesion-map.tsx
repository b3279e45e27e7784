"use client";
/**
 * The case view's lesion map card: turns the case's lesions and volumes (from `cases.get` and
 * `imaging.volumes`) into the map's props and connects it to the case's shared selection
 * (<CaseViewerProvider>). Collaboration passes `view`/`onViewChange`, peers' crosshairs and the
 * annotations (with `onAnnotate` to draw new ones) through.
 */
import { useMemo } from "react";
import { Card } from "@/components/ui/card";
import type { CaseView } from "@/server/api/routers/cases/handlers";
import type { CaseVolumes } from "@/server/api/routers/imaging/handlers";
import type { PhenotypeAssignment } from "./colours";
import { legendEntries, storedCentroids, viewerTimepoints } from "./case-map-data";
import { LesionMap } from "./lesion-map";
import { useCaseViewer } from "./selection";
import type { DrawnAnnotation, MapAnnotation, MapPeer, ViewerView } from "./types";

export interface CaseLesionMapProps {
  lesions: CaseView["lesions"];
  volumes: CaseVolumes;
  /** The interlesional analysis (`analyses.get().phenotypes`); lesion colours follow its phenotypes when given. */
  phenotypes?: PhenotypeAssignment | null;
  view?: ViewerView | null;
  onViewChange?(view: ViewerView): void;
  peers?: MapPeer[];
  annotations?: MapAnnotation[];
  onAnnotate?(annotation: DrawnAnnotation): void;
}

export function CaseLesionMap({ lesions, volumes, phenotypes, view, onViewChange, peers, annotations, onAnnotate }: CaseLesionMapProps) {
  const { selectedLesion, selectLesion, focus, registerCommands } = useCaseViewer();
  const entries = useMemo(() => legendEntries(lesions, phenotypes), [lesions, phenotypes]);
  const timepoints = useMemo(() => viewerTimepoints(volumes), [volumes]);
  const centroids = useMemo(() => storedCentroids(lesions), [lesions]);
  const hasImages = timepoints.some((t) => t.volumes.image);
  return (
    <Card title="Lesion map" testId="lesion-map-card">
      {hasImages ? (
        <LesionMap
          timepoints={timepoints}
          lesions={entries}
          centroids={centroids}
          selectedLesion={selectedLesion}
          onSelectLesion={selectLesion}
          focus={focus}
          view={view}
          onViewChange={onViewChange}
          peers={peers}
          annotations={annotations}
          onAnnotate={onAnnotate}
          onCommands={registerCommands}
        />
      ) : (
        <p data-testid="viewer-status" data-state="idle" className="rounded-md border border-dashed border-line px-4 py-8 text-center text-sm text-muted">
          No scans are stored for this case yet. The lesion map appears when a timepoint&apos;s CT has been imported.
        </p>
      )}
    </Card>
  );
}
