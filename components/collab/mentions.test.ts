import { describe, expect, it } from "vitest";
import { mentionToken, mentions, parseMentions } from "./mentions";

describe("mentions in comments", () => {
  it("splits text and mentions, leaving markup as plain text", () => {
    const text = `Ask ${mentionToken("Dr. Paula Okafor", "p-1")} about <img src=x onerror=alert(1)> L3`;
    expect(parseMentions(text)).toEqual([
      { kind: "text", text: "Ask " },
      { kind: "mention", name: "Dr. Paula Okafor", userId: "p-1" },
      { kind: "text", text: " about <img src=x onerror=alert(1)> L3" },
    ]);
    expect(mentions(text, "p-1")).toBe(true);
    expect(mentions(text, "p-2")).toBe(false);
  });

  it("keeps a name with brackets from breaking the token", () => {
    expect(parseMentions(mentionToken("A]B", "u"))).toEqual([{ kind: "mention", name: "A B", userId: "u" }]);
  });
});
