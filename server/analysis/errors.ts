/** Codes for expected failures of the analysis core; the API layer maps them to tRPC errors. */
export type AnalysisErrorCode =
  | "CORRUPT_FILE"
  | "UNSUPPORTED_FORMAT"
  | "EMPTY_MASK"
  | "MASK_IMAGE_MISMATCH"
  | "INVALID_SETTINGS"
  | "UNSUPPORTED_SETTING"
  | "INVALID_INPUT"
  | "TOO_SMALL";

/** An expected failure of the analysis core: bad input, not a bug. */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = "AnalysisError";
    this.code = code;
  }
}

export function isAnalysisError(e: unknown): e is AnalysisError {
  return e instanceof AnalysisError;
}
