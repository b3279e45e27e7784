/**
 * Limits for text that arrives in imported files (SPEC C3). Fields are shown in the UI and stored,
 * so they are kept short and plain: no control or bidirectional-override characters, and every
 * free-text field starts with a letter or digit (which also keeps "=", "+", "-", "@" out of the
 * first character, should a result ever be exported to a spreadsheet).
 */

export const GENE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
export const VARIANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .:_>*()+\-=?/[\];,]{0,99}$/;
export const ANALYTE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .,:_>*()+\-/%]{0,63}$/;
export const UNIT_PATTERN = /^[A-Za-z0-9µμ%][A-Za-z0-9µμ%/.*^ -]{0,19}$/;

// C0/C1 controls, DEL, and the Unicode bidi embeddings/overrides/isolates ("Trojan Source").
const HOSTILE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Why `value` is not acceptable for a field of this `pattern`, or null when it is. */
export function textProblem(name: string, value: string, pattern: RegExp): string | null {
  if (HOSTILE.test(value)) return `${name} contains control or bidirectional characters`;
  if (!pattern.test(value)) {
    return value.length > 100 ? `${name} is too long` : `${name} "${value}" has characters or a form not allowed here`;
  }
  return null;
}

/** A non-negative decimal written plainly (no exponent, sign, thousands separator or comma). */
export function parseDecimal(text: string): number | null {
  return /^(\d{1,12}(\.\d{1,12})?|\.\d{1,12})$/.test(text) ? Number(text) : null;
}
