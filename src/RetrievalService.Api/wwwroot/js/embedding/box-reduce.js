// What the server's reduced decode does before the resize, done on a full-size decode: each output pixel is the
// rounded mean of its factor × factor block (partial at the right and bottom edges, as libjpeg's reduced sizes round
// up). A JPEG decoded at 1/8 inside the IDCT keeps each 8×8 block's mean, so this is its closest browser equivalent;
// for PNG it is exactly the server's UprightRaster.BoxReduce.

/** Flattens RGBA onto `background` ([r, g, b]) as the server's AlphaCompositor does: (c·a + b·(255 − a) + 127) / 255. */
export function compositeToRgb(rgba, width, height, background) {
  const rgb = new Uint8Array(3 * width * height);
  for (let s = 0, d = 0; d < rgb.length; s += 4, d += 3) {
    const alpha = rgba[s + 3];
    if (alpha === 255) {
      rgb[d] = rgba[s];
      rgb[d + 1] = rgba[s + 1];
      rgb[d + 2] = rgba[s + 2];
    } else {
      for (let c = 0; c < 3; c++) {
        rgb[d + c] = Math.floor((rgba[s + c] * alpha + background[c] * (255 - alpha) + 127) / 255);
      }
    }
  }
  return rgb;
}

/** Block means of an RGB raster; returns the raster unchanged when `factor` is 1. */
export function boxReduce(rgb, width, height, factor) {
  if (factor === 1) {
    return { rgb, width, height };
  }
  const outWidth = Math.ceil(width / factor);
  const outHeight = Math.ceil(height / factor);
  const out = new Uint8Array(3 * outWidth * outHeight);
  const sums = new Uint32Array(3 * outWidth);
  for (let top = 0; top < height; top += factor) {
    sums.fill(0);
    const rows = Math.min(factor, height - top);
    for (let y = top; y < top + rows; y++) {
      const row = 3 * width * y;
      for (let x = 0; x < width; x++) {
        const block = 3 * Math.floor(x / factor);
        sums[block] += rgb[row + 3 * x];
        sums[block + 1] += rgb[row + 3 * x + 1];
        sums[block + 2] += rgb[row + 3 * x + 2];
      }
    }
    const outRow = 3 * outWidth * (top / factor);
    for (let bx = 0; bx < outWidth; bx++) {
      const count = rows * Math.min(factor, width - bx * factor);
      for (let c = 0; c < 3; c++) {
        out[outRow + 3 * bx + c] = Math.floor((sums[3 * bx + c] + Math.floor(count / 2)) / count);
      }
    }
  }
  return { rgb: out, width: outWidth, height: outHeight };
}
