// The server's BicubicResampler and ResizeKernels (src/RetrievalService.Embedding/Images), ported: a separable Keys
// cubic (a = −0.5) widened by the reduction ratio, normalised per output pixel, clamped to the source (no padding),
// horizontal pass then vertical, rounded to whole 0..255 values. Single-precision weights and planes, as on the server,
// so the few values that land near a .5 boundary round the same way as often as a browser allows.

const RADIUS = 2;

/** Keys' cubic convolution kernel with a = −0.5 (Catmull–Rom), support [−2, 2], in single precision. */
function cubic(x) {
  x = Math.abs(Math.fround(x));
  if (x <= 1) {
    return Math.fround((Math.fround(1.5 * x) - 2.5) * x * x + 1);
  }
  return x < 2 ? Math.fround(((-0.5 * x + 2.5) * x - 4) * x + 2) : 0;
}

/** Per output index: the first source index, how many source pixels it reads, and their normalised weights. */
export function resizeKernels(sourceSize, destinationSize) {
  const ratio = sourceSize / destinationSize;
  const scale = Math.max(1, ratio);
  const radius = Math.ceil(scale * RADIUS);
  const stride = 2 * radius + 2;
  const starts = new Int32Array(destinationSize);
  const lengths = new Int32Array(destinationSize);
  const weights = new Float32Array(destinationSize * stride);
  const values = new Float64Array(stride);
  for (let i = 0; i < destinationSize; i++) {
    const center = (i + 0.5) * ratio - 0.5;
    const left = Math.max(0, Math.ceil(center - radius));
    const right = Math.min(sourceSize - 1, Math.floor(center + radius));
    let sum = 0;
    for (let j = left; j <= right; j++) {
      const value = cubic((j - center) / scale);
      values[j - left] = value;
      sum += value;
    }
    starts[i] = left;
    lengths[i] = right - left + 1;
    for (let j = 0; j < lengths[i]; j++) {
      weights[i * stride + j] = sum > 0 ? values[j] / sum : values[j];
    }
  }
  return { starts, lengths, weights, stride };
}

/** Resizes an interleaved RGB raster to a planar NCHW Float32Array (R plane, G plane, B plane) of whole 0..255 values. */
export function resizeToTensor(rgb, width, height, outWidth, outHeight) {
  const plane = outWidth * outHeight;
  const tensor = new Float32Array(3 * plane);
  if (width === outWidth && height === outHeight) {
    for (let at = 0; at < plane; at++) {
      tensor[at] = rgb[3 * at];
      tensor[plane + at] = rgb[3 * at + 1];
      tensor[2 * plane + at] = rgb[3 * at + 2];
    }
    return tensor;
  }
  const intermediate = horizontalPass(rgb, width, height, resizeKernels(width, outWidth), outWidth);
  verticalPass(intermediate, height, resizeKernels(height, outHeight), outWidth, outHeight, tensor);
  return tensor;
}

// Three planes of outWidth × height: each source row resized horizontally.
function horizontalPass(rgb, width, height, kernels, outWidth) {
  const planeLength = outWidth * height;
  const intermediate = new Float32Array(3 * planeLength);
  const { starts, lengths, weights, stride } = kernels;
  for (let y = 0; y < height; y++) {
    const row = 3 * width * y;
    for (let x = 0; x < outWidth; x++) {
      const first = starts[x];
      const w = x * stride;
      for (let c = 0; c < 3; c++) {
        let total = 0;
        for (let k = 0; k < lengths[x]; k++) {
          total += rgb[row + 3 * (first + k) + c] * weights[w + k];
        }
        intermediate[c * planeLength + y * outWidth + x] = total;
      }
    }
  }
  return intermediate;
}

// Accumulates whole rows into the single-precision output, then clamps and rounds half up as an 8-bit image would.
function verticalPass(intermediate, height, kernels, outWidth, outHeight, tensor) {
  const planeLength = outWidth * height;
  const plane = outWidth * outHeight;
  const { starts, lengths, weights, stride } = kernels;
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < outHeight; y++) {
      const out = c * plane + y * outWidth;
      for (let k = 0; k < lengths[y]; k++) {
        const weight = weights[y * stride + k];
        const source = c * planeLength + (starts[y] + k) * outWidth;
        for (let x = 0; x < outWidth; x++) {
          tensor[out + x] = Math.fround(tensor[out + x] + Math.fround(intermediate[source + x] * weight));
        }
      }
      for (let x = 0; x < outWidth; x++) {
        tensor[out + x] = Math.floor(Math.min(255, Math.max(0, tensor[out + x])) + 0.5);
      }
    }
  }
}
