/**
 * Minimal RFC 4180 reading for the liquid-profiling CSV (SPEC C1): comma separator, fields
 * optionally in double quotes with "" for a quote, LF, CRLF or CR line ends, a leading BOM.
 * One record per physical line: a line break inside a quoted field is an error, which keeps line
 * numbers in error messages equal to what an editor shows.
 */

export interface CsvLine {
  /** 1-based physical line number. */
  line: number;
  text: string;
}

/** Non-blank lines of `text`, numbered as an editor numbers them. */
export function csvLines(text: string): CsvLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body
    .split(/\r\n|\n|\r/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== "");
}

/** The fields of one CSV line (unquoted fields trimmed), or why it cannot be read. */
export function splitCsvLine(text: string): { fields: string[] } | { error: string } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === " " || text[i] === "\t") i++;
    if (text[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) return { error: "unterminated quoted field (line breaks inside fields are not allowed)" };
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      while (text[i] === " " || text[i] === "\t") i++;
      if (i < text.length && text[i] !== ",") return { error: `text after a closing quote in field ${fields.length + 1}` };
      fields.push(value);
    } else {
      const end = text.indexOf(",", i);
      const raw = text.slice(i, end < 0 ? text.length : end);
      if (raw.includes('"')) return { error: `quote inside unquoted field ${fields.length + 1}` };
      fields.push(raw.trim());
      i = end < 0 ? text.length : end;
    }
    if (i >= text.length) return { fields };
    i++; // the comma
  }
}
