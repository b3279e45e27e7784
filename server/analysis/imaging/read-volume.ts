/**
 * One entry point for every volume format Mosaic accepts (SPEC.md I6).
 */
import { gunzipSync } from "fflate";
import { AnalysisError } from "../errors";
import type { Volume } from "../types";
import { looksLikeNifti, readNiftiBytes } from "./nifti-read";
import { looksLikeNrrd } from "./nrrd-header";
import { readNrrdBytes } from "./nrrd-read";
import { readSegNrrd } from "./seg-nrrd";

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzip(bytes: Uint8Array, source: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: gzip stream cannot be decompressed (${(e as Error).message}); the file is corrupt or truncated`);
  }
}

type Format = "nifti" | "nrrd" | "seg-nrrd";

function formatFromName(fileName: string): Format | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".seg.nrrd")) return "seg-nrrd";
  if (name.endsWith(".nrrd")) return "nrrd";
  if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return "nifti";
  if (name.endsWith(".nhdr")) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${fileName}: a detached NRRD header (.nhdr); save the volume as a single .nrrd`);
  }
  if (name.endsWith(".hdr") || name.endsWith(".img")) {
    throw new AnalysisError("UNSUPPORTED_FORMAT", `${fileName}: a two-file NIfTI/Analyze pair; convert it to a single .nii file`);
  }
  return null;
}

/**
 * Reads a NIfTI-1/2 (`.nii`, `.nii.gz`), NRRD (`.nrrd`) or 3D Slicer segmentation (`.seg.nrrd`)
 * into a Volume with a RAS affine in mm. The extension picks the format; gzip is detected from
 * its magic bytes, whatever the name says; an unknown extension is resolved from the content.
 * The content must match the format the name claims [I6].
 * @param bytes the whole file.
 * @param fileName used for the extension and in error messages.
 * @throws AnalysisError CORRUPT_FILE or UNSUPPORTED_FORMAT with a message naming the problem.
 */
export function readVolume(bytes: Uint8Array, fileName: string): Volume {
  if (bytes.length === 0) throw new AnalysisError("CORRUPT_FILE", `${fileName}: the file is empty`);
  const named = formatFromName(fileName);
  if (named === "seg-nrrd") {
    const { labelMap } = readSegNrrd(bytes, fileName);
    return labelMap;
  }
  if (named === "nrrd") {
    if (!looksLikeNrrd(bytes)) throw notA(fileName, "NRRD", bytes);
    return readNrrdBytes(bytes, fileName);
  }
  // NRRD keeps its header uncompressed, so a gzip stream here is a NIfTI (or unknown) file.
  const plain = isGzip(bytes) ? gunzip(bytes, fileName) : bytes;
  if (named === "nifti") {
    if (!looksLikeNifti(plain)) throw notA(fileName, "NIfTI", plain);
    return readNiftiBytes(plain, fileName);
  }
  if (looksLikeNrrd(plain) && plain === bytes) return readNrrdBytes(plain, fileName);
  if (looksLikeNifti(plain)) return readNiftiBytes(plain, fileName);
  throw new AnalysisError("UNSUPPORTED_FORMAT", `${fileName}: not a NIfTI (.nii, .nii.gz) or NRRD (.nrrd, .seg.nrrd) file`);
}

function notA(fileName: string, format: string, bytes: Uint8Array): AnalysisError {
  const actually = looksLikeNrrd(bytes) ? " (it is an NRRD file)" : looksLikeNifti(bytes) ? " (it is a NIfTI file)" : "";
  const why = bytes.length < 348 && format === "NIfTI" ? `only ${bytes.length} bytes, shorter than a NIfTI header` : `does not start with a ${format} header`;
  return new AnalysisError("CORRUPT_FILE", `${fileName}: named as ${format} but ${why}${actually}`);
}
