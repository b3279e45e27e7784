import { describe, expect, it } from "vitest";
import path from "node:path";
import { EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("has DESIGN.md §5 defaults", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ port: 3000, host: "127.0.0.1", databaseUrl: undefined, demo: true });
    expect(e.dataDir).toBe(path.resolve(".mosaic"));
  });

  it("reads every variable", () => {
    const e = parseEnv({ PORT: "8080", HOST: "0.0.0.0", MOSAIC_DATA_DIR: "/var/lib/mosaic", DATABASE_URL: "postgresql://u:p@db:5432/mosaic", MOSAIC_DEMO: "0" });
    expect(e).toMatchObject({ port: 8080, host: "0.0.0.0", dataDir: "/var/lib/mosaic", databaseUrl: "postgresql://u:p@db:5432/mosaic", demo: false });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: "eighty" }, /^invalid PORT="eighty": /],
    [{ PORT: "70000" }, /^invalid PORT="70000": /],
    [{ MOSAIC_DEMO: "yes" }, /^invalid MOSAIC_DEMO="yes": must be "0" or "1"/],
    [{ DATABASE_URL: "mysql://x" }, /^invalid DATABASE_URL="mysql:\/\/x": must be a postgres/],
    [{ MOSAIC_SECRET: "short" }, /^invalid MOSAIC_SECRET="short": must be at least 32 characters/],
  ])("refuses %o with one line naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    try {
      parseEnv(source);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain("\n");
    }
  });
});
