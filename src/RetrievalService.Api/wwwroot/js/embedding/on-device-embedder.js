// Embeds a query photo in the browser: the model downloaded once (model-download.js), run by onnxruntime-web's
// WebAssembly backend on one thread (no cross-origin isolation needed), on the tensor preprocess() makes. Only the
// vector leaves the device.

import { decodeImage } from './decode-image.js';
import { loadModel } from './model-download.js';
import { preprocess } from './preprocess.js';

const ORT_MODULE = '/vendor/ort/ort.wasm.min.mjs';

let ortPromise;
const loadedModels = new Map();

async function runtime() {
  ortPromise ??= import(ORT_MODULE).then((ort) => {
    ort.env.wasm.wasmPaths = '/vendor/ort/';
    ort.env.wasm.numThreads = 1;
    return ort;
  }, (error) => {
    ortPromise = undefined;
    throw new Error(`onnxruntime-web could not be loaded from ${ORT_MODULE} (${error.message}); the service's operator runs scripts/build-web.sh to install it.`);
  });
  return ortPromise;
}

/** The runnable model and manifest for query model `id`, loaded once per page. */
async function loadedModel(id, onProgress) {
  if (!loadedModels.has(id)) {
    const loading = (async () => {
      const ort = await runtime();
      const { detail, bytes } = await loadModel(id, onProgress);
      const created = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
      return { ort, runner: created, detail };
    })();
    loadedModels.set(id, loading);
    loading.catch(() => loadedModels.delete(id));
  }
  return loadedModels.get(id);
}

/**
 * Embeds `blob` with query model `id`. Resolves to `{ model, embedding: number[], preprocessMs, inferenceMs, size }`;
 * the times cover the device's work only, not the model's download.
 */
export async function embedOnDevice(blob, id, onProgress) {
  const { ort, runner, detail } = await loadedModel(id, onProgress);
  const input = detail.manifest.input;
  const started = performance.now();
  const image = await decodeImage(blob);
  const tensor = preprocess(image.rgba, image.width, image.height, input, image.format.scalable);
  const prepared = performance.now();
  const feeds = { [input.name]: new ort.Tensor('float32', tensor.data, [1, 3, tensor.height, tensor.width]) };
  const outputs = await runner.run(feeds);
  const output = outputs[detail.manifest.output.name] ?? Object.values(outputs)[0];
  const embedding = Array.from(output.data);
  const finished = performance.now();
  for (const value of Object.values(outputs)) {
    value.dispose?.();
  }
  return {
    model: detail.id,
    embedding,
    preprocessMs: prepared - started,
    inferenceMs: finished - prepared,
    size: `${image.width}×${image.height} ${image.format.name} → ${tensor.reducedWidth}×${tensor.reducedHeight} → ${tensor.width}×${tensor.height}`,
  };
}
