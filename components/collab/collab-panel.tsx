"use client";
/**
 * The case view's collaboration panel: connection state and presence (with follow-the-
 * presenter), the decision draft and record, threads with mentions and unread items, biopsy
 * marks, and annotations. Mount it on the case page (see README.md in this folder).
 */
import { Card } from "@/components/ui/card";
import { useCaseDoc, type CollabUser } from "./use-case-doc";
import { ConnectionBadge } from "./connection-badge";
import { PresenceBar, type TimepointOption } from "./presence-bar";
import { AnnotationList } from "./annotation-list";
import type { LesionOption } from "./fields";
import { ThreadsPanel } from "./threads-panel";
import { BiopsyMarksPanel, type BiopsySuggestion } from "./biopsy-marks-panel";
import { DecisionPanel } from "./decision-panel";
import { useBoardMembers } from "./use-board-members";

export interface CollabPanelProps {
  caseId: string;
  user: CollabUser;
  lesions: LesionOption[];
  timepoints: TimepointOption[];
  /** Ranked biopsy suggestions (`analyses.get` → `biopsy`); pathologists act on them. */
  suggestions?: BiopsySuggestion[];
  /** What the board is shown (e.g. the response table), stored with a finalized decision. */
  shown?: Record<string, unknown>;
}

const EMPTY: BiopsySuggestion[] = [];

export function CollabPanel({ caseId, user, lesions, timepoints, suggestions = EMPTY, shown }: CollabPanelProps) {
  const collab = useCaseDoc(caseId, user);
  const { members, names } = useBoardMembers(caseId, collab?.peers);

  if (!collab) {
    return (
      <Card title="Board" testId="collab-panel">
        <p className="text-sm text-muted">Connecting to the shared case view…</p>
      </Card>
    );
  }
  return (
    <div data-testid="collab-panel" className="space-y-4">
      <Card title="Board" actions={<ConnectionBadge state={collab.connection} />}>
        <PresenceBar collab={collab} timepoints={timepoints} />
      </Card>
      <Card title="Decision" testId="collab-decision">
        <DecisionPanel caseId={caseId} collab={collab} shown={shown} />
      </Card>
      <Card title="Threads" testId="collab-threads">
        <ThreadsPanel caseId={caseId} collab={collab} lesions={lesions} members={members} names={names} />
      </Card>
      <Card title="Biopsy targets" testId="collab-biopsy">
        <BiopsyMarksPanel collab={collab} lesions={lesions} suggestions={suggestions} names={names} />
      </Card>
      <Card title="Annotations" testId="collab-annotations">
        <AnnotationList collab={collab} lesions={lesions} timepoints={timepoints} names={names} />
      </Card>
    </div>
  );
}
