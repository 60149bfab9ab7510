// Runs the original nsfwjs 4.4.0 MobileNetV2 graph model (tfjs-backend-cpu) on four synthetic images
// and writes the 1792-d feature vectors that the C# TFJS-to-ONNX converter test compares against.
// Images use integer arithmetic only, so the C# test rebuilds them bit for bit (FNV-1a checked).
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfconv = require('@tensorflow/tfjs-converter');

const SIZE = 224;
const FEATURE_NODE =
  'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/' +
  'StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze';
const MODEL_DIR = path.join(__dirname, 'node_modules', 'nsfwjs', 'dist', 'models', 'mobilenet_v2_mid');
const OUTPUT = path.join(__dirname, '..', '..', 'tests', 'RetrievalService.ModelPipeline.Tests', 'Fixtures', 'tfjs-golden.json');

// Numerical Recipes LCG on uint32; C#: state = state * 1664525u + 1013904223u (unchecked).
function lcg(seed) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
}

// Each recipe fills an HWC RGB byte array of SIZE x SIZE.
const recipes = {
  gradient: (px) => {
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
      px(x, y, ((x * 255) / (SIZE - 1)) | 0, ((y * 255) / (SIZE - 1)) | 0, 255 - ((((x + y) * 255) / (2 * (SIZE - 1))) | 0));
    }
  },
  rings_xor: (px) => {
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
      const dx = x - 112, dy = y - 96;
      const t = (3 * x + 5 * y) % 256;
      px(x, y, ((dx * dx + dy * dy) >> 4) & 255, (x ^ y) & 255, t < 128 ? 2 * t : 511 - 2 * t);
    }
  },
  lcg_blocks: (px, { seed, block }) => {
    const next = lcg(seed);
    for (let by = 0; by < SIZE / block; by++) for (let bx = 0; bx < SIZE / block; bx++) {
      const r = next() >>> 24, g = next() >>> 24, b = next() >>> 24;
      for (let y = by * block; y < (by + 1) * block; y++) for (let x = bx * block; x < (bx + 1) * block; x++) px(x, y, r, g, b);
    }
  },
  lcg_noise: (px, { seed, cell }) => {
    const next = lcg(seed);
    for (let cy = 0; cy < SIZE / cell; cy++) for (let cx = 0; cx < SIZE / cell; cx++) {
      const v = next();
      for (let y = cy * cell; y < (cy + 1) * cell; y++) for (let x = cx * cell; x < (cx + 1) * cell; x++) {
        px(x, y, v >>> 24, (v >>> 16) & 255, ((v >>> 8) & 127) + (y >> 1));
      }
    }
  },
};

const images = [
  { name: 'gradient', recipe: 'gradient', params: {} },
  { name: 'rings_xor', recipe: 'rings_xor', params: {} },
  { name: 'lcg_blocks', recipe: 'lcg_blocks', params: { seed: 20240601, block: 16 } },
  { name: 'lcg_noise', recipe: 'lcg_noise', params: { seed: 7, cell: 4 } },
];

function render(image) {
  const rgb = new Uint8Array(SIZE * SIZE * 3);
  recipes[image.recipe]((x, y, r, g, b) => rgb.set([r, g, b], (y * SIZE + x) * 3), image.params);
  return rgb;
}

function fnv1a(bytes) {
  let hash = 2166136261;
  for (const b of bytes) hash = Math.imul(hash ^ b, 16777619) >>> 0;
  return hash;
}

function loadModel() {
  const modelJson = require(path.join(MODEL_DIR, 'model.min.js'));
  const shards = modelJson.weightsManifest[0].paths.map((p) => Buffer.from(require(path.join(MODEL_DIR, `${p}.min.js`)), 'base64'));
  const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
  const handler = tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightsManifest[0].weights, weightData });
  return tfconv.loadGraphModel(handler);
}

async function main() {
  await tf.setBackend('cpu');
  const model = await loadModel();
  const results = [];
  for (const image of images) {
    const rgb = render(image);
    // The model's input convention: NHWC float32 in [0, 1].
    const input = tf.tensor4d(Float32Array.from(rgb, (v) => v / 255), [1, SIZE, SIZE, 3]);
    const features = model.execute(input, FEATURE_NODE);
    const values = Array.from(await features.data(), (v) => Number(v.toPrecision(7)));
    tf.dispose([input, features]);
    results.push({ ...image, fnv1a: fnv1a(rgb), features: values });
  }
  const golden = {
    generator: 'tools/tfjs-golden/make-golden.js',
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    model: 'nsfwjs@4.4.0 dist/models/mobilenet_v2_mid',
    node: FEATURE_NODE,
    size: SIZE,
    layout: 'HWC RGB bytes; model input = byte / 255 as NHWC float32',
    lcg: 'state = state * 1664525 + 1013904223 mod 2^32; byte = state >>> 24',
    images: results,
  };
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, JSON.stringify(golden) + '\n');
  console.log(`wrote ${OUTPUT}: ${results.map((r) => `${r.name} fnv1a=${r.fnv1a}`).join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
