"use client";
import { useCallback, useEffect, useState } from "react";
import { TRPCClientError } from "@trpc/client";
import { DRAFT_MISMATCH, FINALIZING_ROLES } from "@/server/api/routers/decisions/schema";
import type { DecisionView } from "@/server/api/routers/decisions/handlers";
import type { CaseDoc } from "./use-case-doc";
import { DecisionEditor } from "./decision-editor";
import { api, errorMessage } from "./trpc-client";
import { formatTime, inputClass, primaryButtonClass } from "./format";

const REFRESH_MS = 15_000;
const SYNC_RETRIES = 4;

function VersionItem({ d }: { d: DecisionView }) {
  const reason = typeof d.basis.amendmentReason === "string" ? d.basis.amendmentReason : null;
  return (
    <li data-testid="decision-version" data-version={d.version} className="space-y-1 rounded-md border border-line p-3">
      <p className="text-xs text-muted">
        Version {d.version}
        {d.amendsId ? " (amendment)" : ""} · {d.finalizedBy.name} · {formatTime(Date.parse(d.finalizedAt))}
      </p>
      {reason && <p className="text-xs text-warn">Reason: {reason}</p>}
      <p data-testid="decision-text" className="text-sm whitespace-pre-wrap text-ink">
        {d.text}
      </p>
      <p className="text-xs text-faint">Participants: {d.participants.map((p) => `${p.name} (${p.role})`).join(", ")}</p>
    </li>
  );
}

/** The shared draft, finalizing or amending it into the immutable record, and the record's history. */
export function DecisionPanel({ caseId, collab, shown }: { caseId: string; collab: CaseDoc; shown?: Record<string, unknown> }) {
  const [versions, setVersions] = useState<DecisionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const canFinalize = FINALIZING_ROLES.includes(collab.me.role);
  const latest = versions?.at(-1);

  const refresh = useCallback(() => {
    api.decisions.list.query({ caseId }).then(setVersions, (e: unknown) => setError(errorMessage(e)));
  }, [caseId]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener("focus", refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
    };
  }, [refresh]);

  const record = async () => {
    setBusy(true);
    setError(null);
    const participantIds = [...new Set(collab.peers.map((p) => p.user.id))];
    try {
      // The server records the stored draft only if it equals what is on screen; the last
      // keystrokes may still be on their way, so a mismatch is retried briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          const expectedText = collab.draftText;
          if (latest) await api.decisions.amend.mutate({ caseId, amendsVersion: latest.version, reason, participantIds, shown, expectedText });
          else await api.decisions.finalize.mutate({ caseId, participantIds, shown, expectedText });
          break;
        } catch (e) {
          if (!(e instanceof TRPCClientError && e.message === DRAFT_MISMATCH) || attempt >= SYNC_RETRIES) throw e;
          await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
        }
      }
      setReason("");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const ready = collab.connection === "live" && collab.draftText.trim() !== "" && (!latest || reason.trim() !== "");
  return (
    <div className="space-y-3">
      <DecisionEditor collab={collab} editable />
      {canFinalize ? (
        <div className="flex flex-wrap items-center gap-2">
          {latest && (
            <input aria-label="Reason for the amendment" data-testid="decision-amend-reason" placeholder="Reason for the amendment" className={`${inputClass} flex-1`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          )}
          <button type="button" data-testid="decision-finalize" className={primaryButtonClass} disabled={busy || !ready || versions === null} onClick={() => void record()}>
            {latest ? `Amend as version ${latest.version + 1}` : "Finalize decision"}
          </button>
        </div>
      ) : (
        <p className="text-xs text-faint">A coordinator or an oncologist finalizes the decision.</p>
      )}
      {error && (
        <p role="alert" data-testid="decision-error" className="text-sm text-bad">
          {error}
        </p>
      )}
      {versions && versions.length > 0 && (
        <ul aria-label="Decision record" className="space-y-2">
          {[...versions].reverse().map((d) => (
            <VersionItem key={d.id} d={d} />
          ))}
        </ul>
      )}
    </div>
  );
}
