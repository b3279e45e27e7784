import Link from "next/link";
import { loadForPage } from "@/server/api/rsc";
import { AppHeader } from "@/components/ui/app-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { AgendaList } from "@/components/meeting/agenda-list";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const data = await loadForPage("/", (api) => api.meetings.home());
  const next = data.nextMeeting;
  return (
    <>
      <AppHeader user={data.user} />
      <main className="mx-auto grid max-w-[1800px] gap-6 px-6 py-6 lg:grid-cols-[320px_1fr]">
        <Card title="Your boards" testId="boards">
          {data.boards.length === 0 ? (
            <EmptyState title="You are not on a board yet">Ask a board coordinator to add you.</EmptyState>
          ) : (
            <ul className="space-y-2">
              {data.boards.map((b) => (
                <li key={b.id} className="rounded-md border border-line bg-raised px-3 py-2 text-sm">
                  {b.name}
                  <span className="block text-xs text-muted">
                    {data.meetings.filter((m) => m.boardId === b.id).length} upcoming meeting(s)
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          title="Next meeting"
          testId="next-meeting"
          actions={next && <Link href={`/meetings/${next.id}`} className="text-sm text-accent hover:text-accent-strong">Open meeting →</Link>}
        >
          {next ? (
            <>
              <p className="mb-4 text-lg font-medium">
                {next.boardName} <span className="text-muted">· {formatDateTime(next.startsAt)}</span>
                {next.location && <span className="block text-sm text-muted">{next.location}</span>}
              </p>
              <AgendaList items={next.agenda} />
            </>
          ) : (
            <EmptyState title="No upcoming meeting">When a coordinator schedules one, its agenda appears here.</EmptyState>
          )}
        </Card>
      </main>
    </>
  );
}
