import { describe, expect, it } from "vitest";
import { groupCommit } from "./persistence";

describe("[C3] group commit of stored updates", () => {
  it("writes appends that arrive during a write together, in order, and resolves each after its write", async () => {
    const writes: string[][] = [];
    let release: () => void = () => undefined;
    const append = groupCommit(async (rows) => {
      writes.push(rows.map((r) => `${r.room}:${r.update[0]}`));
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const done: string[] = [];
    const first = append("a", [Uint8Array.of(1)]).then(() => done.push("a1"));
    const second = append("b", [Uint8Array.of(2), Uint8Array.of(3)]).then(() => done.push("b"));
    const third = append("a", [Uint8Array.of(4)]).then(() => done.push("a4"));
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toEqual([]);
    release();
    await Promise.all([first, second, third]);
    expect(writes).toEqual([["a:1"], ["b:2", "b:3", "a:4"]]);
    expect(done).toEqual(["a1", "b", "a4"]);
  });

  it("rejects every caller of a failed write and goes on with the next", async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const append = groupCommit(async () => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      if (calls === 2) throw new Error("disk full");
    });
    const first = append("a", [Uint8Array.of(1)]);
    const together = [append("b", [Uint8Array.of(2)]), append("c", [Uint8Array.of(3)])];
    release();
    await first;
    expect((await Promise.allSettled(together)).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(append("d", [Uint8Array.of(4)])).resolves.toBeUndefined();
  });
});
