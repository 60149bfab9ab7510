// The server's ResizePolicy and DecodeScale (src/RetrievalService.Embedding/Images), ported so a tensor made here has
// the size and the prefilter of the one the server would make from the same photo.

/** How many times the model's side a reduced decode must still cover before the bicubic resize. */
export const COVER_MARGIN = 2;

const DECODE_SCALES = [1 / 8, 1 / 4, 1 / 2];

/**
 * The target size for a width × height image: the longer side becomes exactly `longerSide`, the shorter keeps the
 * aspect ratio (rounded half away from zero) but never drops below `minSide`.
 */
export function targetSize(width, height, longerSide, minSide) {
  if (!(width > 0 && height > 0 && minSide > 0)) {
    throw new RangeError(`Sizes must be positive, got ${width}×${height} (minimum side ${minSide}).`);
  }
  if (longerSide < minSide) {
    throw new RangeError(`The longer side ${longerSide} must be at least the minimum side ${minSide}.`);
  }
  const longer = Math.max(width, height);
  const shorter = Math.min(width, height);
  // Both operands are positive, so Math.round's half-up is the server's half away from zero.
  const scaled = Math.round((shorter * longerSide) / longer);
  const other = Math.max(minSide, scaled);
  return width >= height ? { width: longerSide, height: other } : { width: other, height: longerSide };
}

/** The smallest of 1/8, 1/4 and 1/2 that still covers COVER_MARGIN × `longerSide`, or 1 (no reduction). */
export function decodeScale(width, height, longerSide) {
  const minimum = (COVER_MARGIN * longerSide) / Math.max(width, height);
  return DECODE_SCALES.find((scale) => scale >= minimum) ?? 1;
}

/**
 * The block size the server's decode reduces this format by: JPEG and still WebP at every scale (inside the decoder),
 * the formats decoded whole (PNG, GIF, BMP, animated WebP) only at 1/4 and 1/8 (docs/image-pipeline.md#reduced-decoding).
 */
export function reductionFactor(scale, scalableFormat) {
  if (scale >= 1) {
    return 1;
  }
  const factor = Math.round(1 / scale);
  return scalableFormat || factor >= 4 ? factor : 1;
}
