/**
 * Imaging core: volume I/O, grid checks, lesions, shape and RECIST (SPEC.md in this folder).
 */
export { readVolume } from "./read-volume";
export { writeNifti, niftiDatatypeOf, type WriteNiftiOptions } from "./nifti-write";
export { readSegNrrd, type Segmentation, type SegmentInfo } from "./seg-nrrd";
export { spacingFromAffine, voxelToWorld, worldToVoxel } from "./affine";
export { assertSameGrid, gridMismatch, placeOnImageGrid, GRID_TOLERANCE } from "./grid";
export { findLesions, lesionMask, lesionFullMask, type Lesion, type MaskGrid } from "./lesions";
export { shapeFeatures, AUTOCORRELATION_MAX_VOXELS, type ShapeFeatures, type ShapeMode, type ShapeOptions } from "./morphology";
export { recistAxes, type RecistAxes, type AxisMeasurement } from "./recist";
export { surfaceMesh, type SurfaceMesh } from "./marching-cubes";
