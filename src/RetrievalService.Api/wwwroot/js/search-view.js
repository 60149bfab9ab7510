// The Search view: a query photo and options in, a grid of the nearest gallery images out, with the server's timings,
// the device's when the photo was embedded here, and "More results" (the same query again with a larger k).

import { createCard } from './image-card.js';
import { showStatus, reporting } from './messages.js';
import { loadQueryModels } from './query-models.js';
import { setUpQueryPicker } from './query-picker.js';
import { MAX_K, PAGE_STEP, readParameters, searchWithImage, searchWithVector } from './search-request.js';
import { releaseThumbnails } from './thumbnails.js';
import { embedOnDevice } from './embedding/on-device-embedder.js';

export function setUpSearchView(view) {
  const form = view.querySelector('[data-testid="search-form"]');
  const button = view.querySelector('[data-testid="search-button"]');
  const results = view.querySelector('[data-testid="results"]');
  const more = view.querySelector('[data-testid="more-results"]');
  const progress = view.querySelector('[data-testid="model-progress"]');
  const modelSelect = form.elements.model;
  const field = (id) => view.querySelector(`[data-testid="${id}"]`);
  let file = null;
  let query = null;

  // A new photo ends the previous one's query: the answer still on its way is dropped and "More results" would page
  // through the old photo's neighbours, so neither the status nor the button may still speak for it.
  setUpQueryPicker(view, (picked) => {
    file = picked;
    query = null;
    more.hidden = true;
    showStatus('');
  });
  form.elements.onDevice.addEventListener('change', () => {
    form.elements.mode.disabled = form.elements.onDevice.checked;
  });

  const busy = (on) => {
    button.disabled = on;
    more.disabled = on;
    form.setAttribute('aria-busy', String(on));
  };

  // Each search keeps the query it started with: a photo picked meanwhile clears `query`, and the answer to a query
  // that is no longer the current one is dropped. Resolves to whether the answer was shown.
  const run = async (current, k) => {
    const answer = current.vector
      ? await searchWithVector(current.vector.model, current.vector.embedding, current.parameters, k)
      : await searchWithImage(current.file, current.parameters, k);
    if (current !== query) {
      return false;
    }
    show(answer, k, current);
    return true;
  };

  const show = (answer, k, current) => {
    const known = new Set(Array.from(results.children, (card) => card.dataset.id));
    const fresh = answer.results.filter((result) => !known.has(result.id));
    results.append(...fresh.map((result) => createCard(result, 'result-item')));
    field('search-models').textContent = `${answer.models.query} → ${answer.models.gallery} (${answer.mode})`;
    const t = answer.timings;
    field('server-timings').textContent =
      `decode ${t.decodeMs.toFixed(1)} ms · embed ${t.embedMs.toFixed(1)} ms · search ${t.searchMs.toFixed(1)} ms · total ${t.totalMs.toFixed(1)} ms`
      + (answer.expansion ? ` · αQE ${answer.expansion.used}/${answer.expansion.neighbours}` : '');
    current.k = k;
    more.hidden = answer.results.length < k || k >= MAX_K;
    showStatus(answer.results.length === 0 ? 'No gallery image matches.' : `${results.children.length} results.`);
  };

  const embedHere = async (photo, parameters) => {
    const model = parameters.model || modelSelect.value;
    if (!model) {
      throw new Error('No query model is known yet: check the API key, then search again.');
    }
    showStatus(`Preparing ${model} on this device…`);
    const embedded = await embedOnDevice(photo, model, (received, total) => {
      progress.hidden = false;
      progress.max = total;
      progress.value = received;
      showStatus(`Downloading ${model}: ${(received / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MiB…`);
    });
    progress.hidden = true;
    field('on-device-time').textContent =
      `${(embedded.preprocessMs + embedded.inferenceMs).toFixed(1)} ms (preprocess ${embedded.preprocessMs.toFixed(1)} ms, `
      + `inference ${embedded.inferenceMs.toFixed(1)} ms; ${embedded.size})`;
    return embedded;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(true);
    reporting(async () => {
      if (!file) {
        throw new Error('Choose, drop or paste a photo first.');
      }
      const parameters = readParameters(form);
      releaseThumbnails(results);
      results.replaceChildren();
      more.hidden = true;
      field('on-device-time').textContent = '–';
      const current = { file, parameters, vector: null, k: parameters.k };
      query = current;
      if (parameters.onDevice) {
        current.vector = await embedHere(current.file, parameters);
        if (current !== query) {
          // A photo was picked while this one was embedded: the download's progress notes spoke for the old one.
          showStatus('');
          return;
        }
      }
      showStatus('Searching…');
      if (await run(current, parameters.k)) {
        results.focus();
      }
    }).finally(() => {
      progress.hidden = true;
      busy(false);
    });
  });

  more.addEventListener('click', () => {
    if (!query) {
      return;
    }
    busy(true);
    const shown = results.children.length;
    reporting(async () => {
      await run(query, Math.min(MAX_K, query.k + PAGE_STEP));
      results.children[shown]?.focus();
    }).finally(() => busy(false));
  });

  // Only the latest refresh fills the chooser or reports a failure: an older answer, such as a 401 from before the
  // user saved a key, is dropped.
  let refreshes = 0;
  const refreshModels = () => {
    const asked = ++refreshes;
    const latest = () => asked === refreshes;
    return reporting(async () => {
      try {
        return await loadQueryModels(modelSelect, latest);
      } catch (error) {
        if (latest()) {
          throw error;
        }
        return undefined;
      }
    });
  };

  return { refreshModels };
}
