"use client";
/**
 * The lesion map joined to the live case view: the user's own navigation is shared as their
 * presence view (and takes control back from a presenter), and while following, the presenter's
 * timepoint, slice type and crosshair drive this viewer. Everyone else's crosshair and the
 * shared annotations are drawn on the map, and annotations drawn on it are added to the document.
 */
import { useCallback, useMemo, type ComponentProps } from "react";
import { useBoardMembers, useCaseDoc } from "@/components/collab";
import { colorFor } from "@/server/collab/awareness-guard";
import { CaseLesionMap } from "@/components/viewer/case-lesion-map";
import type { DrawnAnnotation, MapAnnotation, MapPeer, SliceKind, ViewerView } from "@/components/viewer/types";

type Props = Omit<ComponentProps<typeof CaseLesionMap>, "view" | "onViewChange" | "peers" | "annotations" | "onAnnotate"> & {
  caseId: string;
  user: { id: string; name: string; role: string };
};

const toViewerSlice = (s: string): SliceKind => (s === "axial" || s === "render" ? s : "multiplanar");

export function CollabLesionMap({ caseId, user, ...map }: Props) {
  const collab = useCaseDoc(caseId, user);
  const { names } = useBoardMembers(caseId, collab?.peers);
  const followed = collab?.following ? collab.view : null;
  const view = useMemo<ViewerView | null>(
    () => (followed?.crosshairMm ? { timepointId: followed.timepointId, crosshairMm: followed.crosshairMm, sliceType: toViewerSlice(followed.sliceType) } : null),
    [followed],
  );
  const setMyView = collab?.setMyView;
  const onViewChange = useCallback((v: ViewerView) => setMyView?.({ timepointId: v.timepointId, crosshairMm: v.crosshairMm, sliceType: v.sliceType }), [setMyView]);

  // Other tabs and people; this tab's own crosshair is NiiVue's.
  const peers = useMemo<MapPeer[]>(
    () =>
      (collab?.peers ?? []).flatMap((p) =>
        !p.isMe && p.view?.crosshairMm ? [{ clientId: p.clientId, name: p.user.name, colour: p.user.color, timepointId: p.view.timepointId, crosshairMm: p.view.crosshairMm, presenting: p.presenting }] : [],
      ),
    [collab?.peers],
  );
  const annotations = useMemo<MapAnnotation[]>(
    () => (collab?.annotations ?? []).map((a) => ({ id: a.id, kind: a.kind, timepointId: a.timepointId, points: a.points, text: a.text, colour: colorFor(a.authorId), author: names.get(a.authorId) ?? "" })),
    [collab?.annotations, names],
  );
  const addAnnotation = collab?.addAnnotation;
  const onAnnotate = useCallback((a: DrawnAnnotation) => addAnnotation?.({ kind: a.kind, timepointId: a.timepointId, points: a.points, text: a.text }), [addAnnotation]);

  return <CaseLesionMap {...map} view={view} onViewChange={onViewChange} peers={peers} annotations={annotations} onAnnotate={collab ? onAnnotate : undefined} />;
}
