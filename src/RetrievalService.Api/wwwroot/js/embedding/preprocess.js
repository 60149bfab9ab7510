// The server's preprocessing (pipeline `skia-dct-cover2/keys-bicubic/v1`, docs/image-pipeline.md) on pixels the
// browser decoded: alpha composited onto the manifest's background, the reduced decode mimicked by block means, the
// longer side resized to the manifest's S with the Keys bicubic kernel, float32 NCHW RGB 0..255. Pure: no DOM, so a
// test can call it with any pixels.

import { boxReduce, compositeToRgb } from './box-reduce.js';
import { resizeToTensor } from './bicubic-resampler.js';
import { decodeScale, reductionFactor, targetSize } from './resize-policy.js';

/** The only pipeline this port reproduces; a manifest naming another cannot be run here. */
export const PIPELINE_IDENTITY = 'skia-dct-cover2/keys-bicubic/v1';

/**
 * Prepares an upright, unpremultiplied RGBA raster for a model whose manifest input is `input`.
 * `scalableFormat` is true for JPEG and still WebP, which the server decodes reduced at 1/2 too.
 * Returns `{ data: Float32Array, width, height, reducedWidth, reducedHeight }`; `data` has shape [1, 3, height, width].
 */
export function preprocess(rgba, width, height, input, scalableFormat) {
  checkConvention(input);
  const side = input.recommendedLongerSide;
  const factor = reductionFactor(decodeScale(width, height, side), scalableFormat);
  const reduced = boxReduce(compositeToRgb(rgba, width, height, input.alphaBackground), width, height, factor);
  const size = targetSize(reduced.width, reduced.height, side, input.minSide);
  return {
    data: resizeToTensor(reduced.rgb, reduced.width, reduced.height, size.width, size.height),
    width: size.width,
    height: size.height,
    reducedWidth: reduced.width,
    reducedHeight: reduced.height,
  };
}

function checkConvention(input) {
  const problems = [];
  if (input.preprocessing !== PIPELINE_IDENTITY) {
    problems.push(`its preprocessing is ${input.preprocessing ?? 'not named'}, this page runs ${PIPELINE_IDENTITY}`);
  }
  if (input.layout !== 'NCHW' || input.colorOrder !== 'RGB') {
    problems.push(`its input is ${input.layout} ${input.colorOrder}, this page makes NCHW RGB`);
  }
  if (input.rangeMin !== 0 || input.rangeMax !== 255) {
    problems.push(`its input range is ${input.rangeMin}..${input.rangeMax}, this page makes 0..255`);
  }
  if (problems.length > 0) {
    throw new Error(`This model cannot be run on this device: ${problems.join('; ')}. Turn off “Embed on this device”.`);
  }
}
