import { describe, expect, it } from "vitest";
import { percentTicks } from "./chart-theme";

describe("percentTicks", () => {
  it("ticks every 20 % from 0 inside the axis", () => {
    expect(percentTicks(-70, 40)).toEqual([-60, -40, -20, 0, 20, 40]);
    expect(percentTicks(-60, 50)).toEqual([-60, -40, -20, 0, 20, 40]);
  });
});
