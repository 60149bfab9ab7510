// Unit tests of the on-device preprocessing port (src/RetrievalService.Api/wwwroot/js/embedding), run by `npm test`
// in web/. The golden tensors were made by the server's ImagePipeline.ToTensor (BicubicResampler) from the same
// synthetic rasters, so a change on either side that moves a value by more than one level fails here.
// The page's .js files are ES modules to Node too through wwwroot/js/package.json: older Node (Debian's) reads a .js
// without it as CommonJS and fails on the first import.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resizeToTensor } from '../../src/RetrievalService.Api/wwwroot/js/embedding/bicubic-resampler.js';
import { boxReduce, compositeToRgb } from '../../src/RetrievalService.Api/wwwroot/js/embedding/box-reduce.js';
import { PIPELINE_IDENTITY, preprocess } from '../../src/RetrievalService.Api/wwwroot/js/embedding/preprocess.js';
import { decodeScale, reductionFactor, targetSize } from '../../src/RetrievalService.Api/wwwroot/js/embedding/resize-policy.js';

const INPUT = {
  name: 'image', layout: 'NCHW', colorOrder: 'RGB', rangeMin: 0, rangeMax: 255, minSide: 64,
  recommendedLongerSide: 224, alphaBackground: [255, 255, 255], preprocessing: PIPELINE_IDENTITY,
};

// From ImagePipeline.ToTensor(raster, 224, 64) on pattern(width, height); samples are [index, value] pairs.
const GOLDEN = [
  { width: 300, height: 200, outWidth: 224, outHeight: 149, sum: 12691213,
    samples: [[0, 4], [7919, 75], [15838, 146], [23757, 183], [31676, 144], [39595, 236], [47514, 63], [55433, 25], [63352, 4], [71271, 138], [79190, 123], [87109, 85], [95028, 203], [2819, 161], [10738, 239], [18657, 2], [26576, 84], [34495, 110], [42414, 85], [50333, 125], [58252, 158], [66171, 243], [74090, 102], [82009, 114], [89928, 10], [97847, 233], [5638, 26], [13557, 99], [21476, 170], [29395, 207], [37314, 127], [45233, 138], [53152, 105], [61071, 112], [68990, 112], [76909, 99], [84828, 44], [92747, 184], [538, 114], [8457, 185], [16376, 222], [24295, 38], [32214, 109], [40133, 208], [48052, 66], [55971, 163], [63890, 111], [71809, 18]] },
  { width: 50, height: 30, outWidth: 224, outHeight: 134, sum: 9543564,
    samples: [[0, 0], [7919, 218], [15838, 187], [23757, 65], [31676, 151], [39595, 156], [47514, 46], [55433, 38], [63352, 128], [71271, 6], [79190, 25], [87109, 157], [4980, 138], [12899, 107], [20818, 76], [28737, 211], [36656, 41], [44575, 122], [52494, 56], [60413, 104], [68332, 30], [76251, 27], [84170, 170], [2041, 57], [9960, 27], [17879, 193], [25798, 130], [33717, 153], [41636, 80], [49555, 140], [57474, 68], [65393, 128], [73312, 9], [81231, 99], [89150, 134], [7021, 203], [14940, 172], [22859, 50], [30778, 132], [38697, 122], [46616, 41], [54535, 118], [62454, 127], [70373, 9], [78292, 28], [86211, 149], [4082, 123], [12001, 92]] },
  { width: 20, height: 260, outWidth: 64, outHeight: 224, sum: 5440749,
    samples: [[0, 0], [7919, 166], [15838, 108], [23757, 185], [31676, 113], [39595, 92], [4506, 88], [12425, 129], [20344, 146], [28263, 136], [36182, 168], [1093, 51], [9012, 177], [16931, 159], [24850, 218], [32769, 223], [40688, 133], [5599, 99], [13518, 141], [21437, 226], [29356, 8], [37275, 186], [2186, 19], [10105, 188], [18024, 217], [25943, 29], [33862, 24], [41781, 252], [6692, 111], [14611, 36], [22530, 149], [30449, 87], [38368, 172], [3279, 33], [11198, 200], [19117, 75], [27036, 45], [34955, 84], [42874, 46], [7785, 122], [15704, 76], [23623, 172], [31542, 100], [39461, 93], [4372, 44], [12291, 86], [20210, 83], [28129, 93]] }
];

function pattern(width, height) {
  const rgb = new Uint8Array(3 * width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = 3 * (y * width + x);
      rgb[at] = (x * 7 + y * 13) % 256;
      rgb[at + 1] = (x * x + y) % 256;
      rgb[at + 2] = ((x ^ y) * 3) % 256;
    }
  }
  return rgb;
}

function rgbaOf(rgb, alpha = 255) {
  const rgba = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let p = 0; p < rgb.length / 3; p++) {
    rgba.set(rgb.subarray(3 * p, 3 * p + 3), 4 * p);
    rgba[4 * p + 3] = alpha;
  }
  return rgba;
}

test('the longer side becomes S and the shorter keeps the aspect but not below the minimum', () => {
  const cases = [
    [640, 480, 224, 64, 224, 168], [480, 640, 224, 64, 168, 224], [100, 100, 224, 64, 224, 224],
    [333, 100, 224, 8, 224, 67], [4, 2, 3, 1, 3, 2], [1000, 10, 224, 64, 224, 64], [10, 1000, 224, 64, 64, 224],
    [224, 100, 224, 64, 224, 100],
  ];
  for (const [width, height, side, minSide, outWidth, outHeight] of cases) {
    assert.deepEqual(targetSize(width, height, side, minSide), { width: outWidth, height: outHeight });
  }
  assert.throws(() => targetSize(10, 10, 32, 64), RangeError);
});

test('the decode scale is the smallest of 1/8, 1/4, 1/2 that covers twice the side', () => {
  assert.equal(decodeScale(4032, 3024, 224), 1 / 8);
  assert.equal(decodeScale(3840, 2560, 224), 1 / 8);
  assert.equal(decodeScale(2000, 1320, 224), 1 / 4);
  assert.equal(decodeScale(1024, 768, 224), 1 / 2);
  assert.equal(decodeScale(800, 600, 224), 1);
});

test('formats decoded whole are reduced only by 4 or 8, JPEG and still WebP by 2 as well', () => {
  assert.equal(reductionFactor(1 / 2, true), 2);
  assert.equal(reductionFactor(1 / 2, false), 1);
  assert.equal(reductionFactor(1 / 4, false), 4);
  assert.equal(reductionFactor(1 / 8, false), 8);
  assert.equal(reductionFactor(1, true), 1);
});

test('block means round half up and the right and bottom blocks are partial', () => {
  const rgb = new Uint8Array([0, 0, 0, 1, 1, 1, 10, 10, 10, 3, 3, 3, 4, 4, 4, 20, 20, 20]);
  const reduced = boxReduce(rgb, 3, 2, 2);
  assert.equal(reduced.width, 2);
  assert.equal(reduced.height, 1);
  // (0 + 1 + 3 + 4 + 2) / 4 → 2; (10 + 20 + 1) / 2 → 15
  assert.deepEqual(Array.from(reduced.rgb), [2, 2, 2, 15, 15, 15]);
});

test('transparency is composited onto the background with the server integer formula', () => {
  const rgba = new Uint8ClampedArray([200, 100, 0, 0, 200, 100, 0, 255, 200, 100, 0, 128]);
  const rgb = compositeToRgb(rgba, 3, 1, [255, 255, 255]);
  const blend = (c, a) => Math.floor((c * a + 255 * (255 - a) + 127) / 255);
  assert.deepEqual(Array.from(rgb), [255, 255, 255, 200, 100, 0, blend(200, 128), blend(100, 128), blend(0, 128)]);
});

test('a raster already at the target size is copied into planes unchanged', () => {
  const rgb = pattern(224, 100);
  const tensor = resizeToTensor(rgb, 224, 100, 224, 100);
  assert.equal(tensor[0], rgb[0]);
  assert.equal(tensor[224 * 100 + 5], rgb[3 * 5 + 1]);
  assert.equal(tensor[2 * 224 * 100 + 224 * 99 + 223], rgb[3 * (224 * 99 + 223) + 2]);
});

test('a constant image stays constant through the bicubic resize', () => {
  const rgb = new Uint8Array(3 * 97 * 41).fill(77);
  const tensor = resizeToTensor(rgb, 97, 41, 224, 95);
  assert.ok(tensor.every((value) => value === 77));
});

test('the bicubic resize matches the server resampler within one level', () => {
  for (const golden of GOLDEN) {
    const tensor = preprocess(rgbaOf(pattern(golden.width, golden.height)), golden.width, golden.height, INPUT, true);
    assert.deepEqual([tensor.width, tensor.height], [golden.outWidth, golden.outHeight]);
    for (const [index, value] of golden.samples) {
      assert.ok(Math.abs(tensor.data[index] - value) <= 1, `${golden.width}×${golden.height} [${index}]: ${tensor.data[index]}, server ${value}`);
    }
    const sum = tensor.data.reduce((total, value) => total + value, 0);
    assert.ok(Math.abs(sum - golden.sum) <= golden.sum * 1e-4, `${golden.width}×${golden.height}: sum ${sum}, server ${golden.sum}`);
  }
});

test('a model with another preprocessing or input range is refused, naming the difference', () => {
  assert.throws(() => preprocess(new Uint8ClampedArray(4 * 64 * 64), 64, 64, { ...INPUT, preprocessing: 'other/v0' }, true), /other\/v0/);
  assert.throws(() => preprocess(new Uint8ClampedArray(4 * 64 * 64), 64, 64, { ...INPUT, rangeMax: 1 }, true), /0\.\.1/);
});
