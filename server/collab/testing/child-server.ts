/**
 * The collaboration server as a child process, for the durability test (kill -9 and restart on
 * the same data directory) and the benchmark (server measured apart from its clients). Starts
 * like `standalone.ts` from the environment (PORT, HOST, MOSAIC_DATA_DIR, DATABASE_URL,
 * MOSAIC_DEMO), adds cases until the demo board has `--cases N`, signs the demo accounts in,
 * and prints one line: `READY {"port", "cases", "users"}`. Over IPC it answers "stats" with
 * the process's memory and the server's room and socket counts.
 */
import { env } from "../../env";
import { listCasesForUser } from "@/db/repositories/cases";
import { findBoardByName } from "@/db/repositories/boards";
import { countUsers } from "@/db/repositories/users";
import { seedDemo } from "../../demo/seed";
import { demoBoard } from "../../demo/story";
import { startStandalone } from "../standalone";
import { addCases, signInDemoAccounts } from "./harness";

const wanted = Number(process.argv[process.argv.indexOf("--cases") + 1] ?? 0) || 0;
const s = await startStandalone(env(), (line) => process.stderr.write(`child: ${line}\n`), {
  // The demo board and accounts only (no scans or analyses): what collaboration needs.
  prepare: async ({ db }) => {
    if ((await countUsers(db)) === 0) await seedDemo(db);
  },
});
const db = s.database.db;
const board = (await findBoardByName(db, demoBoard.name))!;
const users = await signInDemoAccounts(db);
let cases = (await listCasesForUser(db, users.radiologist.id)).map((c) => c.id);
if (cases.length < wanted) {
  await addCases(db, board.id, wanted - cases.length, `X${Date.now()}`);
  cases = (await listCasesForUser(db, users.radiologist.id)).map((c) => c.id);
}
process.stdout.write(`READY ${JSON.stringify({ port: s.port, cases, users })}\n`);

process.on("message", (m) => {
  if (m === "stats") process.send?.({ memory: process.memoryUsage(), ...s.collab.stats() });
  if (m === "gc") {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.("gc-done");
  }
});
const stop = () => void s.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
