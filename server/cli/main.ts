/**
 * The `mosaic` command. Each subcommand lives in `commands/<name>.ts` and exports
 * `run(args: string[]): Promise<void>`, writing its result to stdout and throwing
 * `CliError` (or an `AnalysisError`) for anything the user must fix.
 */
import { CliError } from "./cli-error";
import { isAnalysisError } from "../analysis/errors";

type Command = { run(args: string[]): Promise<void>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  features: () => import("./commands/features"),
  recist: () => import("./commands/recist"),
  user: () => import("./commands/user"),
  demo: () => import("./commands/demo"),
};

function usage(): string {
  return `usage: mosaic <command> [options]\ncommands: ${Object.keys(commands).join(", ")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage() + "\n");
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) throw new CliError(`unknown command "${name}" (${Object.keys(commands).join(", ")})`);
  const command = await load();
  await command.run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const message = e instanceof CliError || isAnalysisError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`mosaic: ${message.split("\n")[0]}\n`);
    process.exit(1);
  },
);
