/**
 * Per-analyte log-linear trend (SPEC L1): least-squares slope of ln(value) against days over the
 * latest values, and the doubling or halving time ln 2 / |slope| in days.
 */
import { daysBetween } from "../response/iso-date";
import type { TrendFit } from "./types";

/**
 * Fits the last `window` values of a date-ordered series. Only a trailing run of detected,
 * positive values is used: a not-detected value has no logarithm, and imputing one (LOD/2) would
 * invent a slope, so the trend is undefined until `window` detected values follow it.
 * @param series date-ordered; `value` null when not detected
 * @param window number of latest values to fit (>= 3)
 */
export function logLinearTrend(series: { date: string; value: number | null }[], window: number): TrendFit {
  const run: { date: string; value: number }[] = [];
  for (let i = series.length - 1; i >= 0 && run.length < window; i--) {
    const p = series[i]!;
    if (p.value === null || p.value <= 0) break;
    run.unshift({ date: p.date, value: p.value });
  }
  const undefinedFit = (reason: string): TrendFit => ({
    points: 0,
    fromDate: null,
    toDate: null,
    slopePerDay: null,
    doublingTimeDays: null,
    halvingTimeDays: null,
    reason,
  });
  if (run.length < window) {
    return undefinedFit(
      series.length < window
        ? `fewer than ${window} values`
        : `fewer than ${window} detected values in a row at the end of the series`,
    );
  }
  const x = run.map((p) => daysBetween(run[0]!.date, p.date));
  const y = run.map((p) => Math.log(p.value));
  const meanX = x.reduce((a, b) => a + b, 0) / x.length;
  const meanY = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - meanX) * (y[i]! - meanY);
    sxx += (x[i]! - meanX) ** 2;
  }
  // Dates are distinct per analyte (validated), so sxx > 0 whenever there are >= 2 points.
  const slope = sxy / sxx;
  return {
    points: run.length,
    fromDate: run[0]!.date,
    toDate: run[run.length - 1]!.date,
    slopePerDay: slope,
    doublingTimeDays: slope > 0 ? Math.LN2 / slope : null,
    halvingTimeDays: slope < 0 ? Math.LN2 / -slope : null,
  };
}
