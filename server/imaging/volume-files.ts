/**
 * How a volume's file name maps to its blob's extension and its HTTP content type. The seed, the
 * import and the analysis jobs store a volume with `store.put(bytes, volumeFileExt(fileName))`, and
 * the volume route reads it back the same way.
 */

const KNOWN_EXTENSIONS = ["seg.nrrd", "nii.gz", "nrrd", "nii"] as const;

/** The blob extension of a volume file name ("ct-baseline.nii.gz" → "nii.gz"); undefined when unsupported. */
export function volumeFileExt(fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  return KNOWN_EXTENSIONS.find((ext) => lower.endsWith(`.${ext}`));
}

/**
 * The content type to send: gzip files as `application/gzip`, not as `Content-Encoding: gzip`, which
 * makes the browser inflate them; the volume route does that only when the client asks (`?inflate=1`).
 */
export function volumeContentType(fileName: string): string {
  return fileName.toLowerCase().endsWith(".gz") ? "application/gzip" : "application/octet-stream";
}

/** The URL the viewer loads a volume from; `v` pins the content so the response can be cached as immutable. */
export function volumeUrl(volumeId: string, sha256: string): string {
  return `/api/volumes/${volumeId}?v=${sha256}`;
}

/**
 * The inflated size of a single-member gzip file from its last four bytes (ISIZE, RFC 1952: the
 * size modulo 2^32, little-endian).
 */
export function gzipInflatedSize(trailer: Uint8Array): number {
  if (trailer.byteLength !== 4) throw new Error(`a gzip trailer's size is 4 bytes, not ${trailer.byteLength}`);
  return new DataView(trailer.buffer, trailer.byteOffset, 4).getUint32(0, true);
}
