"use client";
/**
 * The shared case document for React: `useCaseDoc(caseId, user)` returns the live session
 * (Y.Doc, provider, awareness, connection state, presence, follow-the-presenter) with typed,
 * validated readers and writers; null until mounted in the browser. Every component of a tab
 * that asks for the same case and user gets the same session. See README.md in this folder.
 */
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import * as ops from "@/server/collab/doc-ops";
import { draftText, readAnnotations, readBiopsyMarks, readThreads, type Annotation, type BiopsyMark, type CaseView, type Thread, type ThreadAnchor, type Vec3 } from "@/server/collab/doc-shape";
import { acquireCaseSession, peekCaseSession, releaseCaseSession, type CaseSession, type CollabUser, type ConnectionState, type Peer } from "./case-session";

export type { CollabUser, ConnectionState, Peer } from "./case-session";

export interface CaseDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  connection: ConnectionState;
  me: CollabUser & { color: string };
  /** Everyone in the case, this tab included (`isMe`). */
  peers: Peer[];
  /** Annotations that are not deleted, oldest first. */
  annotations: Annotation[];
  threads: Thread[];
  biopsyMarks: BiopsyMark[];
  /** The decision draft as plain text (what finalizing records). */
  draftText: string;

  /** The view this tab shows: the presenter's while following, else the user's own. */
  view: CaseView | null;
  /** The user moved the view (timepoint, crosshair, slice type): this takes control from the presenter. */
  setMyView(view: CaseView): void;
  presenting: boolean;
  setPresenting(presenting: boolean): void;
  presenter: Peer | undefined;
  following: boolean;
  follow(): void;
  takeControl(): void;

  addAnnotation(input: ops.NewAnnotation): string;
  updateAnnotation(id: string, patch: { text?: string; points?: Vec3[]; lesionId?: string | null }): void;
  deleteAnnotation(id: string): void;
  addThread(anchor: ThreadAnchor, text: string): string;
  addComment(threadId: string, text: string): void;
  setThreadResolved(threadId: string, resolved: boolean): void;
  addBiopsyMark(input: ops.NewBiopsyMark): string;
  updateBiopsyMark(id: string, patch: { status?: BiopsyMark["status"]; point?: Vec3; note?: string }): void;
}

interface Contents {
  annotations: Annotation[];
  threads: Thread[];
  biopsyMarks: BiopsyMark[];
  draftText: string;
}

const readContents = (doc: Y.Doc): Contents => ({
  annotations: readAnnotations(doc).filter((a) => !a.deleted),
  threads: readThreads(doc),
  biopsyMarks: readBiopsyMarks(doc),
  draftText: draftText(doc),
});

function build(s: CaseSession, contents: Contents): CaseDoc {
  const myId = s.user.id;
  const presenting = s.awareness.getLocalState()?.presenting === true;
  const presenter = s.presenter();
  const following = s.following && !presenting && presenter !== undefined;
  return {
    doc: s.doc,
    provider: s.provider,
    awareness: s.awareness,
    connection: s.connection,
    me: s.user,
    peers: s.peers(),
    ...contents,
    view: following ? (presenter?.view ?? s.myView()) : s.myView(),
    setMyView: (view) => s.setMyView(view),
    presenting,
    setPresenting: (p) => s.setPresenting(p),
    presenter,
    following,
    follow: () => s.setFollowing(true),
    takeControl: () => s.setFollowing(false),
    addAnnotation: (input) => ops.addAnnotation(s.doc, input, myId),
    updateAnnotation: (id, patch) => ops.updateAnnotation(s.doc, id, patch),
    deleteAnnotation: (id) => ops.deleteAnnotation(s.doc, id),
    addThread: (anchor, text) => ops.addThread(s.doc, anchor, text, myId),
    addComment: (threadId, text) => ops.addComment(s.doc, threadId, text, myId),
    setThreadResolved: (threadId, resolved) => ops.setThreadResolved(s.doc, threadId, resolved),
    addBiopsyMark: (input) => ops.putBiopsyMark(s.doc, input, myId),
    updateBiopsyMark: (id, patch) => ops.updateBiopsyMark(s.doc, id, patch, myId),
  };
}

const noop = () => () => undefined;
const zero = () => 0;

export function useCaseDoc(caseId: string, user: CollabUser): CaseDoc | null {
  // Subscribing holds the tab's session for this case and user; the snapshot is that session.
  // The session is per case and user id (a renamed user keeps it), so `user` is read once.
  const subscribeSession = useCallback(() => {
    const s = acquireCaseSession(caseId, user);
    return () => releaseCaseSession(s);
  }, [caseId, user.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const session = useSyncExternalStore(subscribeSession, () => peekCaseSession(caseId, user.id), () => null);
  const version = useSyncExternalStore(session?.subscribe ?? noop, session?.getVersion ?? zero, zero);
  const docVersion = session?.docVersion ?? 0;
  // The version counters stand for the session's mutable state.
  /* eslint-disable react-hooks/exhaustive-deps */
  const contents = useMemo(() => (session ? readContents(session.doc) : null), [session, docVersion]);
  return useMemo(() => (session && contents ? build(session, contents) : null), [session, contents, version]);
  /* eslint-enable react-hooks/exhaustive-deps */
}
