/**
 * `npm run bench`: runs each benchmark in its own process (so memory numbers are its own),
 * prints one table and writes bench-results.json.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { BenchRow } from "./radiomics";

const here = path.dirname(new URL(import.meta.url).pathname);
const suites: { name: string; module: string; fn: string }[] = [
  { name: "radiomics", module: "./radiomics.ts", fn: "runRadiomicsBench" },
  { name: "collab", module: "./collab.ts", fn: "runCollabBench" },
  { name: "viewer", module: "./viewer.ts", fn: "runViewerBench" },
];

const results: Record<string, BenchRow[] | { error: string } | { skipped: string }> = {};
for (const s of suites) {
  if (!existsSync(path.join(here, s.module))) continue;
  const code = `const m = await import(${JSON.stringify(path.join(here, s.module))}); const r = await m.${s.fn}(); process.stdout.write("\\n@@BENCH@@" + JSON.stringify(r));`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 2 ** 20 });
  const marker = r.stdout.lastIndexOf("@@BENCH@@");
  results[s.name] = r.status === 0 && marker >= 0 ? normalise(JSON.parse(r.stdout.slice(marker + 9))) : { error: `exit ${r.status}` };
}

function normalise(r: unknown): BenchRow[] | { skipped: string } {
  if (Array.isArray(r)) return r as BenchRow[];
  if (typeof r === "object" && r !== null && "skipped" in r) return r as { skipped: string };
  return Object.entries(r as Record<string, number>).map(([name, value]) => ({ name, value, unit: "" }));
}

type Line = { suite: string; name: string; value: number | string; unit: string; target: string; met: string };
const table: Line[] = Object.entries(results).flatMap(([suite, rows]): Line[] =>
  "error" in rows
    ? [{ suite, name: "(failed)", value: rows.error, unit: "", target: "", met: "" }]
    : "skipped" in rows
      ? [{ suite, name: "(skipped)", value: rows.skipped, unit: "", target: "", met: "" }]
      : rows.map((row) => ({ suite, ...row, target: row.target ?? "", met: row.met === undefined ? "" : row.met ? "yes" : "NO" })),
);
console.table(table);
writeFileSync("bench-results.json", JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
console.log("wrote bench-results.json");
