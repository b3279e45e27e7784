import type { ConnectionState } from "./case-session";

const LABELS: Record<ConnectionState, { text: string; tone: string; title: string }> = {
  connecting: { text: "connecting", tone: "text-muted border-line", title: "Opening the shared case view." },
  live: { text: "live", tone: "text-good border-good/40", title: "Connected: everyone sees your edits as you make them." },
  reconnecting: { text: "reconnecting", tone: "text-warn border-warn/40", title: "The connection dropped; retrying. Your edits are kept." },
  offline: { text: "offline — your edits will sync", tone: "text-warn border-warn/40", title: "No connection. Edits are kept in this browser and sync when it returns." },
  unavailable: { text: "case unavailable — retrying", tone: "text-bad border-bad/40", title: "The server could not load this case's shared document. Your edits are kept in this browser." },
  "signed-out": { text: "signed out", tone: "text-bad border-bad/40", title: "Your session ended. Sign in again to continue." },
  "no-access": { text: "no access", tone: "text-bad border-bad/40", title: "You no longer have access to this case." },
  refused: { text: "disconnected — reload the page", tone: "text-bad border-bad/40", title: "The server refused this connection. Reload the page to reconnect." },
};

/** The collaboration connection as the user should read it. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const l = LABELS[state];
  return (
    <span data-testid="collab-status" data-state={state} title={l.title} role="status" className={`inline-flex items-center gap-1.5 rounded border px-2 py-0.5 text-xs font-medium ${l.tone}`}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {l.text}
    </span>
  );
}
