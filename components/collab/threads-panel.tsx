"use client";
import { useState } from "react";
import type { Thread, ThreadAnchor } from "@/server/collab/doc-shape";
import type { Participant } from "@/db/repositories/decisions";
import type { CaseDoc } from "./use-case-doc";
import type { LesionOption } from "./fields";
import { CommentText, MentionPicker } from "./comment-text";
import { mentionToken } from "./mentions";
import { unreadThreads, useSeen } from "./unread";
import { formatTime, inputClass, primaryButtonClass } from "./format";

interface Props {
  caseId: string;
  collab: CaseDoc;
  lesions: LesionOption[];
  members: Participant[];
  names: Map<string, string>;
}

function anchorLabel(anchor: ThreadAnchor, collab: CaseDoc, lesions: LesionOption[]): string {
  if (anchor.type === "case") return "The case";
  if (anchor.type === "lesion") return `Lesion ${lesions.find((l) => l.id === anchor.id)?.trackingId ?? "(unknown)"}`;
  const a = collab.annotations.find((x) => x.id === anchor.id);
  return `Annotation ${a ? `“${a.text || a.kind}”` : "(deleted)"}`;
}

function Composer({ members, onSend, label, testId }: { members: Participant[]; onSend(text: string): void; label: string; testId: string }) {
  const [text, setText] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onSend(text.trim());
        setText("");
      }}
    >
      <textarea aria-label={label} data-testid={`${testId}-text`} rows={2} maxLength={5000} className={`${inputClass} w-full`} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="flex items-center gap-2">
        <MentionPicker members={members} testId={`${testId}-mention`} onPick={(m) => setText((t) => `${t}${t && !t.endsWith(" ") ? " " : ""}${mentionToken(m.name, m.id)} `)} />
        <button type="submit" data-testid={`${testId}-send`} className={primaryButtonClass} disabled={!text.trim()}>
          {label}
        </button>
      </div>
    </form>
  );
}

function ThreadItem({ thread, props, unread, markSeen }: { thread: Thread; props: Props; unread: number; markSeen(t: Thread): void }) {
  const { collab, lesions, members, names } = props;
  return (
    <li id={`thread-${thread.id}`} data-testid="thread-item" data-thread-id={thread.id} className={`space-y-2 rounded-md border p-3 ${unread ? "border-accent/50" : "border-line"}`}>
      <div className="flex items-center justify-between gap-2 text-xs text-muted">
        <span>
          {anchorLabel(thread.anchor, collab, lesions)}
          {thread.resolved && <span className="ml-2 text-good">resolved</span>}
        </span>
        <span className="flex gap-2">
          {unread > 0 && (
            <button type="button" className="text-accent hover:underline" onClick={() => markSeen(thread)}>
              Mark read
            </button>
          )}
          <button type="button" data-testid="thread-resolve" className="hover:text-ink" onClick={() => collab.setThreadResolved(thread.id, !thread.resolved)}>
            {thread.resolved ? "Reopen" : "Resolve"}
          </button>
        </span>
      </div>
      <ul className="space-y-2">
        {thread.comments.map((c) => (
          <li key={c.id} data-testid="comment-item">
            <p className="text-xs text-faint">
              {names.get(c.authorId) ?? "someone"} · {formatTime(c.createdAt)}
            </p>
            <CommentText text={c.text} meId={collab.me.id} />
          </li>
        ))}
      </ul>
      {!thread.resolved && (
        <Composer
          members={members}
          label="Reply"
          testId="comment"
          onSend={(text) => {
            // Replying means the user read the thread; their own comment is never unread to them.
            markSeen(thread);
            collab.addComment(thread.id, text);
          }}
        />
      )}
    </li>
  );
}

/** Threads on the case, a lesion or an annotation; unread threads and mentions first. */
export function ThreadsPanel(props: Props) {
  const { caseId, collab, lesions, members } = props;
  const { seen, markSeen } = useSeen(collab.me.id, caseId);
  const [anchor, setAnchor] = useState("case:case");
  const unread = unreadThreads(collab.threads, seen, collab.me.id);
  const unreadOf = new Map(unread.map((u) => [u.thread.id, u.unread]));
  return (
    <div className="space-y-4">
      {unread.length > 0 && (
        <section aria-label="Unread" className="space-y-1">
          <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Unread</h3>
          <ul>
            {unread.map((u) => (
              <li key={u.thread.id} data-testid="unread-item" data-thread-id={u.thread.id}>
                <a href={`#thread-${u.thread.id}`} className="flex items-center gap-2 text-sm text-ink hover:underline" onClick={() => markSeen(u.thread)}>
                  {anchorLabel(u.thread.anchor, collab, lesions)} · {u.unread} new
                  {u.mentionsMe && (
                    <span data-testid="unread-mention" className="rounded bg-accent/20 px-1 text-xs text-accent-strong">
                      mentions you
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="space-y-2">
        <select aria-label="Thread about" data-testid="thread-anchor" className={`${inputClass} w-full`} value={anchor} onChange={(e) => setAnchor(e.target.value)}>
          <option value="case:case">The case</option>
          {lesions.map((l) => (
            <option key={l.id} value={`lesion:${l.id}`}>
              Lesion {l.trackingId}
            </option>
          ))}
          {collab.annotations.map((a) => (
            <option key={a.id} value={`annotation:${a.id}`}>
              Annotation “{a.text || a.kind}”
            </option>
          ))}
        </select>
        <Composer
          members={members}
          label="Start thread"
          testId="thread-new"
          onSend={(text) => {
            const [type, id] = anchor.split(/:(.*)/s) as [ThreadAnchor["type"], string];
            collab.addThread({ type, id }, text);
          }}
        />
      </div>
      <ul className="space-y-3" aria-label="Threads">
        {[...collab.threads].reverse().map((t) => (
          <ThreadItem key={t.id} thread={t} props={props} unread={unreadOf.get(t.id) ?? 0} markSeen={markSeen} />
        ))}
      </ul>
    </div>
  );
}
