// The Curate view: upload images with per-file progress and outcome, then browse, edit and delete the gallery.

import { setUpGalleryBrowser } from './gallery-browser.js';
import { parseObject } from './json-field.js';
import { reporting, showStatus } from './messages.js';
import { uploadFiles } from './uploader.js';

export function setUpCurateView(view) {
  const form = view.querySelector('[data-testid="upload-form"]');
  const input = view.querySelector('[data-testid="upload-input"]');
  const list = view.querySelector('[data-testid="upload-list"]');
  const summary = view.querySelector('[data-testid="upload-summary"]');
  const submit = view.querySelector('[data-testid="upload-button"]');
  const gallery = setUpGalleryBrowser(view);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    reporting(async () => {
      const files = Array.from(input.files ?? []);
      if (files.length === 0) {
        throw new Error('Choose one or more photos to upload first.');
      }
      const metadata = parseObject(form.elements.metadata.value, 'metadata');
      list.replaceChildren();
      summary.textContent = `Uploading ${files.length} files…`;
      const counts = await uploadFiles(files, metadata, list);
      summary.textContent = `${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.rejected} rejected`
        + (counts.failed ? `, ${counts.failed} failed` : '') + '.';
      showStatus(summary.textContent);
      input.value = '';
    }).finally(() => {
      submit.disabled = false;
    });
  });

  return { gallery };
}
