/** A user-facing CLI failure: printed as one line on stderr, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** Parses `--flag value` and `--switch` arguments; unknown flags are an error. */
export function parseFlags(
  args: string[],
  spec: { values?: string[]; switches?: string[] },
): { values: Record<string, string>; switches: Set<string>; positional: string[] } {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const positional: string[] = [];
  const valueFlags = new Set(spec.values ?? []);
  const switchFlags = new Set(spec.switches ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (switchFlags.has(name) && eq < 0) {
      switches.add(name);
    } else if (valueFlags.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliError(`--${name} needs a value`);
      values[name] = value;
    } else {
      throw new CliError(`unknown option --${name}`);
    }
  }
  return { values, switches, positional };
}
