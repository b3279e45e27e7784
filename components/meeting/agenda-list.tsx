import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { AgendaItemDto } from "@/db/repositories/boards";

const statusTone: Record<AgendaItemDto["status"], Tone> = { pending: "neutral", discussed: "accent", decided: "good", deferred: "warn" };

/** The cases of a meeting in order, each with the question for the board and its status. */
export function AgendaList({ items }: { items: AgendaItemDto[] }) {
  if (items.length === 0) return <EmptyState title="No cases on the agenda yet" />;
  return (
    <ol className="space-y-3" data-testid="agenda">
      {items.map((item) => (
        <li key={item.id}>
          <Link
            href={`/cases/${item.caseId}`}
            data-testid="agenda-item"
            className="group grid grid-cols-[2.5rem_1fr_auto] items-start gap-3 rounded-md border border-line bg-raised px-3 py-3 hover:border-accent/60"
          >
            <span className="text-2xl font-semibold text-faint tabular">{item.position}</span>
            <span className="min-w-0">
              <span className="block font-medium text-ink group-hover:text-accent-strong">
                {item.diagnosis} <span className="text-sm font-normal text-muted">· {item.pseudonym} · {item.sex === "female" ? "F" : "M"}, born {item.birthYear}</span>
              </span>
              <span className="mt-1 block text-sm text-muted">{item.question}</span>
            </span>
            <Badge tone={statusTone[item.status]}>{item.status}</Badge>
          </Link>
        </li>
      ))}
    </ol>
  );
}
