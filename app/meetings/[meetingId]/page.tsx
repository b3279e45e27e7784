import { loadForPage } from "@/server/api/rsc";
import { AppHeader } from "@/components/ui/app-header";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { AgendaList } from "@/components/meeting/agenda-list";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) notFound();
  const [meeting, user] = await loadForPage(`/meetings/${meetingId}`, (api) => Promise.all([api.meetings.get({ meetingId }), api.session.me()]));
  return (
    <>
      <AppHeader user={user} crumbs={[{ label: meeting.boardName }, { label: formatDateTime(meeting.startsAt) }]} />
      <main className="mx-auto max-w-[1200px] px-6 py-6">
        <h1 className="mb-1 text-xl font-semibold">{meeting.boardName}</h1>
        <p className="mb-6 text-muted">
          {formatDateTime(meeting.startsAt)}
          {meeting.location && ` · ${meeting.location}`} · {meeting.agenda.length} case(s)
        </p>
        <Card title="Agenda">
          <AgendaList items={meeting.agenda} />
        </Card>
      </main>
    </>
  );
}
