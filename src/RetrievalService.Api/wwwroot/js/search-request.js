// Builds POST /search requests: a photo as multipart form fields, or a vector computed on this device as JSON.
// The same parameters go with both; paging repeats the request with a larger k.

import { apiJson } from './api.js';
import { parseObject } from './json-field.js';

export const MAX_K = 1000;
export const PAGE_STEP = 24;

/** Reads and checks the search form's parameters; throws an Error a user can act on. */
export function readParameters(form) {
  const k = Number(form.elements.k.value);
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
    throw new Error(`Results (k) must be a whole number from 1 to ${MAX_K}.`);
  }
  const expand = Number(form.elements.expand.value || 0);
  if (!Number.isInteger(expand) || expand < 0 || expand > 100) {
    throw new Error('Expansion must be a whole number from 0 to 100.');
  }
  const onDevice = form.elements.onDevice.checked;
  return {
    k,
    expand,
    onDevice,
    // A vector from this device is always a query model's: symmetric mode needs the teacher on the server.
    mode: onDevice ? 'asymmetric' : form.elements.mode.value,
    model: form.elements.model.value || null,
    filter: parseObject(form.elements.filter.value, 'filter'),
  };
}

/** Searches with a photo; the server decodes and embeds it. */
export function searchWithImage(file, parameters, k) {
  const form = new FormData();
  form.append('image', file, file.name || 'query');
  form.append('k', String(k));
  form.append('mode', parameters.mode);
  if (parameters.mode === 'asymmetric' && parameters.model) {
    form.append('model', parameters.model);
  }
  if (parameters.filter) {
    form.append('filter', JSON.stringify(parameters.filter));
  }
  if (parameters.expand > 0) {
    form.append('expand', String(parameters.expand));
  }
  return apiJson('/search', { method: 'POST', body: form });
}

/** Searches with a vector the query model `model` made on this device. */
export function searchWithVector(model, embedding, parameters, k) {
  const body = { model, embedding, k, mode: 'asymmetric' };
  if (parameters.filter) {
    body.filter = parameters.filter;
  }
  if (parameters.expand > 0) {
    body.expand = parameters.expand;
  }
  return apiJson('/search', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}
