import { describe, expect, it } from "vitest";
import { splitCsvLine } from "./csv-reader";
import { parseLiquidCsv, MAX_CSV_ROWS } from "./parse-liquid-csv";

const H = "date,analyte_type,gene,variant,analyte,value,unit,lod,detected";
const ok = (text: string) => {
  const r = parseLiquidCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.rows;
};
const errors = (text: string) => {
  const r = parseLiquidCsv(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

describe("liquid CSV", () => {
  it("[C1] reads variants, markers and tumor fraction; BOM, CRLF, quotes and escaped quotes", () => {
    const rows = ok(
      "\uFEFF" +
        [
          H,
          '2025-01-06,variant,EGFR,"c.2235_2249del, p.E746_A750del",,6.2,%,0.1,true',
          "2025-01-06,variant,KRAS,p.G12D,,,%,0.1,false",
          '2025-01-06,marker,,,"CA 19-9",120,U/mL,,TRUE',
          '2025-01-06,tumor_fraction,,,"ctDNA tumor fraction",4.5,%,,true',
        ].join("\r\n") + "\r\n",
    );
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ analyte: "EGFR c.2235_2249del, p.E746_A750del", value: 6.2, lod: 0.1, detected: true, gene: "EGFR" });
    expect(rows[1]).toMatchObject({ value: null, detected: false, lod: 0.1 });
    expect(rows[2]).toMatchObject({ analyteType: "marker", analyte: "CA 19-9", unit: "U/mL", value: 120 });
    expect(rows[3]!.analyte).toBe("ctDNA tumor fraction");
    expect(splitCsvLine(' a ,"b ""c"", d" , ,')).toEqual({ fields: ["a", 'b "c", d', "", ""] });
  });

  it("[C1] columns in any order; blank lines skipped but counted in line numbers", () => {
    const text = ["detected,lod,unit,value,analyte,variant,gene,analyte_type,date", "", "true,,ng/mL,5,CEA,,,marker,2025-01-06", "", "true,,ng/mL,x,CEA,,,marker,2025-02-06"].join("\n");
    expect(errors(text)).toEqual([{ line: 5, reason: 'value "x" is not a plain non-negative number' }]);
  });

  it("[C2] all-or-nothing: every rejected line is reported with its number and reason, no rows returned", () => {
    const text = [
      H,
      "2025-01-06,variant,APC,p.R876*,,18,%,0.1,true",
      "2025-02-30,variant,APC,p.R876*,,4,%,0.1,true",
      "2025-03-06,variant,,p.R876*,,4,%,0.1,true",
      "2025-04-06,variant,APC,p.R876*,,-4,%,0.1,true",
      "2025-05-06,variant,APC,p.R876*,,1e3,%,0.1,yes",
      "2025-06-06,variant,APC,p.R876*,,3,%,0.1,false",
      "2025-07-06,variant,APC,p.R876*,,0.05,%,0.1,true",
      "2025-08-06,variant,APC,p.R876*,,130,%,,true",
      "2025-09-06,protein,APC,p.R876*,,3,%,,true",
      "2025-10-06,marker,,,CEA,5,ng/mL,,true,extra",
      '2025-11-06,marker,,,"CEA,5,ng/mL,,true',
      '2025-12-06,marker,,,CE"A,5,ng/mL,,true',
    ].join("\n");
    const e = errors(text);
    expect(e.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const reason = (line: number) => e.find((x) => x.line === line)!.reason;
    expect(reason(3)).toMatch(/date "2025-02-30" is not a valid/);
    expect(reason(4)).toMatch(/a variant needs gene and variant/);
    expect(reason(5)).toMatch(/value "-4"/);
    expect(reason(6)).toMatch(/value "1e3".*detected "yes"/);
    expect(reason(7)).toMatch(/not detected has no value/);
    expect(reason(8)).toMatch(/below lod 0.1 but detected is true/);
    expect(reason(9)).toMatch(/value must be from 0 to 100/);
    expect(reason(10)).toMatch(/analyte_type "protein"/);
    expect(reason(11)).toMatch(/10 fields, the header has 9/);
    expect(reason(12)).toMatch(/unterminated quoted field/);
    expect(reason(13)).toMatch(/quote inside unquoted field/);
  });

  it("[C3] hostile strings: control and bidi characters, formula-like and over-long fields", () => {
    const text = [
      H,
      "2025-01-06,marker,,,CEA\u202Egnp,5,ng/mL,,true",
      "2025-01-06,marker,,,=HYPERLINK(1),5,ng/mL,,true",
      "2025-01-06,marker,,,PSA\u0007,5,ng/mL,,true",
      `2025-01-06,marker,,,${"A".repeat(250)},5,ng/mL,,true`,
      "2025-01-06,marker,,,LDH,5,<script>,,true",
      "2025-01-06,variant,+EGFR,p.L858R,,5,%,,true",
      '2025-01-06,marker,,,"CEA ""x""",5,ng/mL,,true',
    ].join("\n");
    const e = errors(text);
    expect(e.map((x) => x.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(e[0]!.reason).toMatch(/control or bidirectional/);
    expect(e[1]!.reason).toMatch(/analyte "=HYPERLINK\(1\)" has characters or a form not allowed/);
    expect(e[2]!.reason).toMatch(/control or bidirectional/);
    expect(e[3]!.reason).toMatch(/longer than 200 characters/);
    expect(e[4]!.reason).toMatch(/unit/);
    expect(e[5]!.reason).toMatch(/gene/);
    expect(e[6]!.reason).toMatch(/analyte "CEA "x"" has characters/);
  });

  it("[C4] the same analyte twice on a date, or in two units, is rejected on the later line", () => {
    const text = [H, "2025-01-06,marker,,,CEA,5,ng/mL,,true", "2025-01-06,marker,,,CEA,6,ng/mL,,true", "2025-02-06,marker,,,CEA,6,ug/L,,true"].join("\n");
    expect(errors(text)).toEqual([
      { line: 3, reason: "CEA on 2025-01-06 is already given (line 2)" },
      { line: 4, reason: 'CEA in "ug/L" but line 2 uses "ng/mL"' },
    ]);
  });

  it("[C5] header problems, empty input, header only, and size limits", () => {
    expect(errors("")).toEqual([{ line: 0, reason: "file is empty: a header line is required" }]);
    expect(errors(H)[0]!.reason).toMatch(/no data rows/);
    expect(errors("date,analyte_type,gene,variant,analyte,value,unit,lod,detected,comment\n")[0]!.reason).toMatch(/unknown column\(s\) "comment"/);
    expect(errors("date,analyte_type,gene,variant,value,unit,lod,detected,date\n")[0]!.reason).toMatch(/missing column\(s\) analyte; repeated column\(s\) date/);
    const many = [H, ...Array.from({ length: MAX_CSV_ROWS + 1 }, () => "2025-01-06,marker,,,CEA,5,ng/mL,,true")].join("\n");
    expect(errors(many)).toEqual([{ line: MAX_CSV_ROWS + 2, reason: `more than ${MAX_CSV_ROWS} data rows` }]);
    expect(errors("x".repeat(5_000_001))[0]!.line).toBe(0);
  });
});
