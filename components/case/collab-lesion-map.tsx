"use client";
/**
 * The lesion map joined to the live case view: the user's own navigation is shared as their
 * presence view (and takes control back from a presenter), and while following, the presenter's
 * timepoint, slice type and crosshair drive this viewer.
 */
import { useCallback, useMemo, type ComponentProps } from "react";
import { useCaseDoc } from "@/components/collab";
import { CaseLesionMap } from "@/components/viewer/case-lesion-map";
import type { SliceKind, ViewerView } from "@/components/viewer/types";

type Props = Omit<ComponentProps<typeof CaseLesionMap>, "view" | "onViewChange"> & {
  caseId: string;
  user: { id: string; name: string; role: string };
};

const toViewerSlice = (s: string): SliceKind => (s === "axial" || s === "render" ? s : "multiplanar");

export function CollabLesionMap({ caseId, user, ...map }: Props) {
  const collab = useCaseDoc(caseId, user);
  const followed = collab?.following ? collab.view : null;
  const view = useMemo<ViewerView | null>(
    () => (followed?.crosshairMm ? { timepointId: followed.timepointId, crosshairMm: followed.crosshairMm, sliceType: toViewerSlice(followed.sliceType) } : null),
    [followed],
  );
  const setMyView = collab?.setMyView;
  const onViewChange = useCallback((v: ViewerView) => setMyView?.({ timepointId: v.timepointId, crosshairMm: v.crosshairMm, sliceType: v.sliceType }), [setMyView]);
  return <CaseLesionMap {...map} view={view} onViewChange={onViewChange} />;
}
