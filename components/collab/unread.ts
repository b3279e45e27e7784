"use client";
/**
 * Unread threads and mentions per user, kept in this browser (localStorage): for each thread,
 * how many of its comments the user has seen. Comments are only ever appended, so a count is
 * enough and clocks of other machines do not matter.
 */
import { useCallback, useSyncExternalStore } from "react";
import type { Thread } from "@/server/collab/doc-shape";
import { mentions } from "./mentions";

type Seen = Record<string, number>;
const key = (userId: string, caseId: string) => `mosaic:seen:${userId}:${caseId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; seen: Seen }>();

function read(k: string): Seen {
  const raw = localStorage.getItem(k);
  const hit = cache.get(k);
  if (hit && hit.raw === raw) return hit.seen;
  let seen: Seen = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === "object") seen = Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === "number")) as Seen;
  } catch {
    // A damaged entry counts as nothing seen.
  }
  cache.set(k, { raw, seen });
  return seen;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  window.addEventListener("storage", l);
  return () => {
    listeners.delete(l);
    window.removeEventListener("storage", l);
  };
};
const empty: Seen = {};

export interface UnreadThread {
  thread: Thread;
  unread: number;
  mentionsMe: boolean;
}

/** Threads with comments by others the user has not seen, and a way to mark a thread seen. */
export function unreadThreads(threads: Thread[], seen: Seen, userId: string): UnreadThread[] {
  const out: UnreadThread[] = [];
  for (const thread of threads) {
    const fresh = thread.comments.slice(seen[thread.id] ?? 0).filter((c) => c.authorId !== userId);
    if (fresh.length) out.push({ thread, unread: fresh.length, mentionsMe: fresh.some((c) => mentions(c.text, userId)) });
  }
  return out;
}

export function useSeen(userId: string, caseId: string): { seen: Seen; markSeen(thread: Thread): void } {
  const k = key(userId, caseId);
  const seen = useSyncExternalStore(subscribe, () => read(k), () => empty);
  const markSeen = useCallback(
    (thread: Thread) => {
      const current = read(k);
      if (current[thread.id] === thread.comments.length) return;
      localStorage.setItem(k, JSON.stringify({ ...current, [thread.id]: thread.comments.length }));
      for (const l of listeners) l();
    },
    [k],
  );
  return { seen, markSeen };
}
