import { parseMentions } from "./mentions";
import type { Participant } from "@/db/repositories/decisions";
import { inputClass } from "./format";

/** Comment text with mentions highlighted; everything is React text, never HTML. */
export function CommentText({ text, meId }: { text: string; meId: string }) {
  return (
    <p className="text-sm whitespace-pre-wrap text-ink">
      {parseMentions(text).map((s, i) =>
        s.kind === "text" ? (
          <span key={i}>{s.text}</span>
        ) : (
          <span key={i} data-testid="mention" className={`rounded px-0.5 font-medium ${s.userId === meId ? "bg-accent/20 text-accent-strong" : "text-accent"}`}>
            @{s.name}
          </span>
        ),
      )}
    </p>
  );
}

/** Picks a board member to mention; the caller inserts the token. */
export function MentionPicker({ members, onPick, testId }: { members: Participant[]; onPick(m: Participant): void; testId?: string }) {
  return (
    <select
      aria-label="Mention someone"
      data-testid={testId}
      className={inputClass}
      value=""
      onChange={(e) => {
        const m = members.find((x) => x.id === e.target.value);
        if (m) onPick(m);
      }}
    >
      <option value="">@ mention…</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name} ({m.role})
        </option>
      ))}
    </select>
  );
}
