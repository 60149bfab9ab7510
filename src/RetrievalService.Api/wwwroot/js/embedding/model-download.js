// Downloads a query model's ONNX file once: GET /models/{id} names its SHA-256, the bytes are checked against it and
// kept in the Cache API under that hash, so a new model version is a new entry and an old one is never reused.

import { apiFetch, apiJson } from '../api.js';

const CACHE_NAME = 'retrieval-query-models';

/** `{ detail, bytes }` of model `id`; `onProgress(received, total)` reports a download in progress. */
export async function loadModel(id, onProgress) {
  const detail = await apiJson(`/models/${encodeURIComponent(id)}`);
  const cached = await readCache(detail.sha256);
  if (cached) {
    return { detail, bytes: cached, fromCache: true };
  }
  const response = await apiFetch(detail.onnxUrl);
  const bytes = await readWithProgress(response, detail.onnxBytes, onProgress);
  const actual = await sha256Hex(bytes);
  if (actual && actual !== detail.sha256) {
    throw new Error(`The downloaded model ${id} has SHA-256 ${actual}, not the ${detail.sha256} the service announced; try again.`);
  }
  await writeCache(detail.sha256, bytes);
  return { detail, bytes, fromCache: false };
}

async function readWithProgress(response, total, onProgress) {
  if (!response.body) {
    return new Uint8Array(await response.arrayBuffer());
  }
  const bytes = new Uint8Array(total);
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    if (received + value.length > total) {
      throw new Error('The model download is longer than the service announced; try again.');
    }
    bytes.set(value, received);
    received += value.length;
    onProgress?.(received, total);
  }
  if (received !== total) {
    throw new Error(`The model download stopped at ${received} of ${total} bytes; try again.`);
  }
  return bytes;
}

// The Cache API and SubtleCrypto exist only in secure contexts (https, localhost); elsewhere the model is downloaded
// each time the page is loaded and its hash is not checked.
function cacheKey(sha256) {
  return new Request(`/models/cached/${sha256}`);
}

async function readCache(sha256) {
  if (!globalThis.caches) {
    return null;
  }
  try {
    const hit = await (await caches.open(CACHE_NAME)).match(cacheKey(sha256));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

async function writeCache(sha256, bytes) {
  if (!globalThis.caches) {
    return;
  }
  try {
    await (await caches.open(CACHE_NAME)).put(cacheKey(sha256), new Response(bytes));
  } catch {
    // A full or disabled cache only costs a download next time.
  }
}

async function sha256Hex(bytes) {
  if (!globalThis.crypto?.subtle) {
    return null;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
