"use client";
/** The case's board members (for names of authors and mentions), with the names of whoever is present. */
import { useEffect, useMemo, useState } from "react";
import type { Participant } from "@/db/repositories/decisions";
import type { Peer } from "./case-session";
import { api } from "./trpc-client";

export function useBoardMembers(caseId: string, peers: Peer[] | undefined): { members: Participant[]; names: Map<string, string> } {
  const [members, setMembers] = useState<Participant[]>([]);
  useEffect(() => {
    let live = true;
    api.decisions.members.query({ caseId }).then(
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
