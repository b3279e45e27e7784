export { CollabPanel, type CollabPanelProps } from "./collab-panel";
export { useCaseDoc, type CaseDoc, type CollabUser, type ConnectionState, type Peer } from "./use-case-doc";
export type { BiopsySuggestion } from "./biopsy-marks-panel";
export { useBoardMembers } from "./use-board-members";
