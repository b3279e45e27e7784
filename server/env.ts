/**
 * Configuration: the only reader of process.env (STYLE.md). Validated with zod so that a bad
 * value stops start-up with one clear line instead of failing later.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  MOSAIC_DATA_DIR: z.string().min(1).default(".mosaic"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MOSAIC_DEMO: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("1"),
  MOSAIC_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  /** Max upload size for scans and result files, in megabytes. */
  MOSAIC_MAX_UPLOAD_MB: z.coerce.number().positive().max(4096).default(512),
});

export type Env = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  maxUploadBytes: number;
  nodeEnv: "development" | "production" | "test" | undefined;
};

export class EnvError extends Error {}

/** Parses an environment; throws EnvError with one line naming the variable and the problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`invalid ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`);
  }
  const v = result.data;
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir: path.resolve(v.MOSAIC_DATA_DIR),
    databaseUrl: v.DATABASE_URL,
    demo: v.MOSAIC_DEMO === "1",
    maxUploadBytes: Math.round(v.MOSAIC_MAX_UPLOAD_MB * 1024 * 1024),
    nodeEnv: v.NODE_ENV,
  };
}

let cached: Env | undefined;

/** The process's configuration, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The signing secret: MOSAIC_SECRET when set, else one generated once and kept in the data
 * directory (mode 0600), so sessions survive restarts without any setup.
 */
export function secret(): string {
  const fromEnv = process.env.MOSAIC_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new EnvError("invalid MOSAIC_SECRET: must be at least 32 characters");
    return fromEnv;
  }
  const file = path.join(env().dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(env().dataDir, { recursive: true });
  const value = randomBytes(32).toString("hex");
  writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
  return value;
}

/** The environment for a child process this one starts (a build, a worker), plus overrides. */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
