/**
 * `mosaic user add --email E --name N --role R [--board NAME]` and `mosaic user list`: accounts
 * for a real deployment. The password is read from standard input (one line) when it is piped,
 * otherwise a strong one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { CliError, parseFlags } from "../cli-error";
import { withDatabase } from "../open-db";
import { createUser, findUserByEmail, listUsers } from "@/db/repositories/users";
import { addBoardMember, findBoardByName } from "@/db/repositories/boards";
import { recordAudit } from "@/db/repositories/audit";
import { hashPassword } from "../../auth/passwords";

export const summary = "user add | user list: manage accounts";

const roles = ["coordinator", "radiologist", "pathologist", "oncologist", "surgeon", "admin"] as const;
const addInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
});

async function readStdinLine(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
  return line || undefined;
}

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "list") {
    parseFlags(rest, {});
    const users = await withDatabase((d) => listUsers(d.db));
    for (const u of users) process.stdout.write(`${u.email}\t${u.role}\t${u.name}\n`);
    return;
  }
  if (sub !== "add") throw new CliError('usage: mosaic user add --email E --name N --role R [--board NAME] | mosaic user list');
  const { values } = parseFlags(rest, { values: ["email", "name", "role", "board"] });
  const parsed = addInput.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`--${String(issue.path[0])}: ${issue.path[0] === "role" ? `one of ${roles.join(", ")}` : issue.message}`);
  }
  const piped = await readStdinLine();
  if (piped !== undefined && piped.length < 12) throw new CliError("the password must be at least 12 characters");
  const password = piped ?? randomBytes(15).toString("base64url");
  await withDatabase(async ({ db }) => {
    if (await findUserByEmail(db, parsed.data.email)) throw new CliError(`an account for ${parsed.data.email} exists already`);
    const board = values.board ? await findBoardByName(db, values.board) : undefined;
    if (values.board && !board) throw new CliError(`no board named "${values.board}"`);
    await db.transaction(async (tx) => {
      const t = tx as unknown as typeof db;
      const user = await createUser(t, { ...parsed.data, passwordHash: await hashPassword(password) });
      if (board) await addBoardMember(t, board.id, user.id);
      await recordAudit(t, { userId: null, action: "user.create", entityType: "user", entityId: user.id, detail: { via: "cli", role: user.role } });
    });
  });
  process.stdout.write(`created ${parsed.data.email} (${parsed.data.role})${values.board ? ` on ${values.board}` : ""}\n`);
  if (piped === undefined) process.stdout.write(`password (shown once): ${password}\n`);
}
