"use client";
/** The case's board members (for names of authors and mentions), with the names of whoever is present. */
import { useEffect, useMemo, useState } from "react";
import type { Participant } from "@/db/repositories/decisions";
import type { Peer } from "./case-session";
import { api } from "./trpc-client";

/** One request in flight per case: the panel and the lesion map ask at the same time. */
const requests = new Map<string, Promise<Participant[]>>();
function membersOf(caseId: string): Promise<Participant[]> {
  let r = requests.get(caseId);
  if (!r) {
    r = api.decisions.members.query({ caseId });
    requests.set(caseId, r);
    // Settled requests are not kept: a later mount asks again (membership may have changed).
    const drop = () => void requests.delete(caseId);
    r.then(drop, drop);
  }
  return r;
}

export function useBoardMembers(caseId: string, peers: Peer[] | undefined): { members: Participant[]; names: Map<string, string> } {
  const [members, setMembers] = useState<Participant[]>([]);
  useEffect(() => {
    let live = true;
    membersOf(caseId).then(
      (m) => live && setMembers(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [caseId]);
  const names = useMemo(() => {
    const map = new Map(members.map((m) => [m.id, m.name]));
    for (const p of peers ?? []) map.set(p.user.id, p.user.name);
    return map;
  }, [members, peers]);
  return { members, names };
}
