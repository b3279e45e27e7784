/**
 * Mentions in comment text: `@[Display Name](user:<id>)`. Parsing yields text and mention
 * segments that the UI renders as React text (never as HTML).
 */
export type Segment = { kind: "text"; text: string } | { kind: "mention"; name: string; userId: string };

const MENTION = /@\[([^\]\n]{1,80})\]\(user:([0-9a-zA-Z-]{1,64})\)/g;

export const mentionToken = (name: string, userId: string) => `@[${name.replace(/[\]\n]/g, " ").slice(0, 80)}](user:${userId})`;

export function parseMentions(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    out.push({ kind: "mention", name: m[1]!, userId: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

export const mentions = (text: string, userId: string) => parseMentions(text).some((s) => s.kind === "mention" && s.userId === userId);
