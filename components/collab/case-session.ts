/**
 * One live session per case and user in a browser tab: the Y.Doc, its IndexedDB copy (offline
 * edits survive a reload and merge when the connection returns), the y-websocket provider
 * (reconnects with exponential backoff) and the follow-the-presenter state. Components share it
 * through `useCaseDoc`, so the viewer and the panel use one socket and one presence.
 */
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import { awarenessUserSchema, roomName, viewSchema, type AwarenessUser, type CaseView } from "@/server/collab/doc-shape";
import { colorFor } from "@/server/collab/awareness-guard";

export interface CollabUser {
  id: string;
  name: string;
  role: string;
}

/**
 * live: connected and synced. offline: no network, or the server has been unreachable for a
 * few attempts (edits are kept and sync later). reconnecting/connecting: trying. unavailable:
 * the server could not load the case's document (4500) and is retried. signed-out (4401),
 * no-access (4403) and refused (another 44xx, e.g. 4400 for a malformed message) are final.
 */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline" | "unavailable" | "signed-out" | "no-access" | "refused";

export interface Peer {
  clientId: number;
  user: AwarenessUser;
  view: CaseView | null;
  presenting: boolean;
  isMe: boolean;
}

const OFFLINE_AFTER_FAILURES = 3;
const MAX_BACKOFF_MS = 10_000;

export class CaseSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  readonly user: AwarenessUser;
  refs = 0;
  connection: ConnectionState = "connecting";
  /** Following the presenter (until the user takes control). */
  following = true;
  private finalState: ConnectionState | undefined;
  private lastClose = 0;
  private everSynced = false;
  private version = 0;
  /** Changes with the document only (presence and connection changes leave it). */
  docVersion = 0;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly caseId: string,
    user: CollabUser,
  ) {
    this.user = awarenessUserSchema.parse({ ...user, color: colorFor(user.id) });
    // Per user: another account in the same browser never sees or sends these edits.
    this.persistence = new IndexeddbPersistence(`mosaic:${user.id}:${roomName(caseId)}`, this.doc);
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    this.provider = new WebsocketProvider(url, roomName(caseId), this.doc, { maxBackoffTime: MAX_BACKOFF_MS });
    this.awareness.setLocalState({ user: this.user, view: null, presenting: false });

    const update = () => this.recompute();
    this.provider.on("status", update);
    this.provider.on("sync", (synced: boolean) => {
      if (synced) this.everSynced = true;
      update();
    });
    this.provider.on("connection-close", (event: CloseEvent | null) => {
      this.lastClose = event?.code ?? 0;
      update();
    });
    this.provider.on("closed", ({ code }: { code: number }) => {
      this.finalState = code === 4401 ? "signed-out" : code === 4403 ? "no-access" : "refused";
      // Access was revoked: keep nothing of the case in this browser.
      if (code === 4403) void this.persistence.clearData();
      update();
    });
    // The browser's network state drives the socket: edits made offline stay in the doc and in
    // IndexedDB, and the provider's sync sends them when the network returns.
    const online = () => {
      if (!this.finalState) this.provider.connect();
      update();
    };
    const offline = () => {
      this.provider.disconnect();
      update();
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    this.cleanups.push(() => window.removeEventListener("online", online), () => window.removeEventListener("offline", offline));

    this.doc.on("update", () => {
      this.docVersion++;
      this.version++;
      this.emit();
    });
    this.awareness.on("change", () => {
      this.version++;
      this.followPresenter();
      this.emit();
    });
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  private recompute(): void {
    const p = this.provider;
    let next: ConnectionState;
    if (this.finalState) next = this.finalState;
    else if (!navigator.onLine) next = "offline";
    else if (p.wsconnected && p.synced) next = "live";
    else if (this.lastClose === 4500) next = "unavailable";
    else if (p.wsUnsuccessfulReconnects >= OFFLINE_AFTER_FAILURES) next = "offline";
    else next = this.everSynced ? "reconnecting" : "connecting";
    if (next !== this.connection) {
      this.connection = next;
      this.version++;
      this.emit();
    }
  }

  /** Everyone in the case (this tab included), validated: presence is untrusted input too. */
  peers(): Peer[] {
    const out: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const user = awarenessUserSchema.safeParse(state.user);
      if (!user.success) continue;
      const view = viewSchema.safeParse(state.view);
      out.push({ clientId, user: user.data, view: view.success ? view.data : null, presenting: state.presenting === true, isMe: clientId === this.doc.clientID });
    }
    return out.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
  }

  /** The presenter this tab follows: another participant presenting (the lowest client id wins). */
  presenter(): Peer | undefined {
    return this.peers()
      .filter((p) => p.presenting && !p.isMe)
      .sort((a, b) => a.clientId - b.clientId)[0];
  }

  myView(): CaseView | null {
    const view = viewSchema.safeParse(this.awareness.getLocalState()?.view);
    return view.success ? view.data : null;
  }

  /** The user's own view change; it takes control from the presenter unless told otherwise. */
  setMyView(view: CaseView, opts: { takeControl?: boolean } = {}): void {
    if (opts.takeControl ?? true) this.following = false;
    this.awareness.setLocalStateField("view", viewSchema.parse(view));
  }

  setPresenting(presenting: boolean): void {
    this.awareness.setLocalStateField("presenting", presenting);
  }

  setFollowing(following: boolean): void {
    this.following = following;
    this.followPresenter();
    this.version++;
    this.emit();
  }

  /** While following, this tab's view is the presenter's (and others see it move along). */
  private followPresenter(): void {
    if (!this.following || this.awareness.getLocalState()?.presenting) return;
    const view = this.presenter()?.view;
    if (view && JSON.stringify(view) !== JSON.stringify(this.myView())) this.awareness.setLocalStateField("view", view);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever the document, presence or connection changes (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  private emit(): void {
    for (const l of this.listeners) l();
  }

  destroyed = false;

  destroy(): void {
    this.destroyed = true;
    for (const c of this.cleanups) c();
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }
}

const sessions = new Map<string, CaseSession>();

/** The tab's live session for a case and user, if something holds one. */
export function peekCaseSession(caseId: string, userId: string): CaseSession | null {
  return sessions.get(`${userId}:${caseId}`) ?? null;
}

/** The tab's session for a case and user, created on first use; pair with `releaseCaseSession`. */
export function acquireCaseSession(caseId: string, user: CollabUser): CaseSession {
  const key = `${user.id}:${caseId}`;
  let s = sessions.get(key);
  if (!s || s.destroyed) {
    s = new CaseSession(caseId, user);
    sessions.set(key, s);
  }
  s.refs++;
  return s;
}

export function releaseCaseSession(session: CaseSession): void {
  // Deferred: a component that remounts at once (React strict mode, navigation) keeps the socket.
  session.refs--;
  setTimeout(() => {
    const key = `${session.user.id}:${session.caseId}`;
    if (session.refs === 0 && sessions.get(key) === session) {
      sessions.delete(key);
      session.destroy();
    }
  }, 1000);
}
