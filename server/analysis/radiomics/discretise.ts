/**
 * Grey-level discretisation: the one function every family (and the local-entropy map) uses.
 * Reproduces PyRadiomics `imageoperations.getBinEdges` + `binImage` (numpy.digitize) exactly,
 * including its bin edges, so the bins, Ng and every texture matrix match PyRadiomics. SPEC D1-D5.
 */
import { AnalysisError } from "../errors";
import { minMax, pyMod } from "./numeric";

export interface DiscretiseOptions {
  /** Fixed bin width in image intensity units (PyRadiomics `binWidth`, default 25). */
  binWidth?: number;
  /** Fixed bin count (PyRadiomics `binCount`); when set it takes precedence over `binWidth`. */
  binCount?: number | null;
}

export interface Discretised {
  /** 1-based bin index of each input value (numpy.digitize against `edges`). */
  bins: Int32Array;
  /** Number of bins the edges define (`edges.length - 1`); the top bins may be empty. */
  nBins: number;
  /** Bin edges in intensity units, ascending; bin b covers [edges[b-1], edges[b]). */
  edges: Float64Array;
  /** Highest bin that holds a value: PyRadiomics' `Ng`. */
  maxBin: number;
}

/**
 * numpy.arange(start, stop, step) for floats: length ceil((stop - start) / step) and elements
 * `start + i * delta` with delta = (start + step) - start, as numpy's DOUBLE_fill computes them.
 */
function npArange(start: number, stop: number, step: number): Float64Array {
  const length = Math.max(0, Math.ceil((stop - start) / step));
  const out = new Float64Array(length);
  if (length === 0) return out;
  out[0] = start;
  if (length === 1) return out;
  const second = start + step;
  out[1] = second;
  const delta = second - start;
  for (let i = 2; i < length; i++) out[i] = start + i * delta;
  return out;
}

/** numpy.linspace(start, stop, num) with endpoint: `i * step + start`, last element exactly `stop`. */
function npLinspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}

/**
 * PyRadiomics `getBinEdges`. Fixed width: edges are multiples of the width from
 * `min - (min mod w)` (floored modulo) up to `max + 2w` (exclusive), so every bin is half open
 * and the maximum never lands on the last edge [D1]. Fixed count: numpy.histogram's equal-width
 * edges over [min, max] with the last edge raised by 1 so the maximum falls in the top bin [D2].
 */
export function binEdges(values: ArrayLike<number>, opts: DiscretiseOptions = {}): Float64Array {
  if (values.length === 0) throw new AnalysisError("EMPTY_MASK", "no intensities to discretise");
  const [min, max] = minMax(values);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new AnalysisError("INVALID_INPUT", "intensities must be finite to discretise");
  }
  const binCount = opts.binCount ?? null;
  if (binCount !== null) {
    if (!Number.isInteger(binCount) || binCount <= 0) {
      throw new AnalysisError("INVALID_SETTINGS", `binCount must be a positive integer, got ${binCount}`);
    }
    // numpy.histogram widens a degenerate range by 0.5 on each side.
    const edges = min === max ? npLinspace(min - 0.5, max + 0.5, binCount + 1) : npLinspace(min, max, binCount + 1);
    edges[edges.length - 1] += 1;
    return edges;
  }
  const width = opts.binWidth ?? 25;
  if (!(width > 0) || !Number.isFinite(width)) {
    throw new AnalysisError("INVALID_SETTINGS", `binWidth must be a positive number, got ${width}`);
  }
  const lowBound = min - pyMod(min, width);
  const edges = npArange(lowBound, max + 2 * width, width);
  // A flat region whose value is a multiple of the width yields one edge: PyRadiomics mimics numpy.histogram's single bin.
  if (edges.length === 1) return Float64Array.of(edges[0] - 0.5, edges[0] + 0.5);
  return edges;
}

/**
 * numpy.digitize(x, edges) for ascending edges: the i with edges[i-1] <= x < edges[i]
 * (searchsorted side="right"). Values at or above the last edge get edges.length. [D3]
 */
export function digitize(x: number, edges: Float64Array): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Discretise ROI intensities into 1-based bins with PyRadiomics' conventions (fixed bin width by
 * default, fixed bin count when `binCount` is set). Reference: PyRadiomics 3.x
 * `imageoperations.getBinEdges`/`binImage`; IBSI 2020 §3.4 (FBS/FBN). [D1-D4]
 *
 * @param values intensities of the voxels in the ROI (image units, e.g. HU)
 */
export function discretise(values: ArrayLike<number>, opts: DiscretiseOptions = {}): Discretised {
  const edges = binEdges(values, opts);
  const bins = new Int32Array(values.length);
  let maxBin = 0;
  for (let i = 0; i < values.length; i++) {
    const b = digitize(values[i], edges);
    bins[i] = b;
    if (b > maxBin) maxBin = b;
  }
  return { bins, nBins: edges.length - 1, edges, maxBin };
}
