// The metadata dialog: a JSON textarea for one image, saved with PATCH /images/{id}. Esc or Cancel closes it unsaved.

import { imagePath, sendJson } from './api.js';
import { parseObject } from './json-field.js';

const dialog = () => document.querySelector('[data-testid="metadata-dialog"]');

/** Opens the editor for `image`; resolves to the updated image, or null when the user cancels. */
export function editMetadata(image) {
  const editor = dialog();
  const form = editor.querySelector('form');
  const input = form.elements.metadata;
  const error = editor.querySelector('[data-testid="metadata-error"]');
  editor.querySelector('[data-testid="metadata-id"]').textContent = image.id;
  input.value = JSON.stringify(image.metadata ?? {}, null, 2);
  error.textContent = '';
  return new Promise((resolve) => {
    const onSubmit = async (event) => {
      if (event.submitter?.value !== 'save') {
        return;
      }
      event.preventDefault();
      try {
        const metadata = parseObject(input.value, 'metadata') ?? {};
        const updated = await sendJson(imagePath(image.id), 'PATCH', { metadata });
        finish(updated);
      } catch (failure) {
        error.textContent = `${failure.message}${failure.code ? ` (${failure.code})` : ''}`;
      }
    };
    const onClose = () => finish(null);
    const finish = (result) => {
      form.removeEventListener('submit', onSubmit);
      editor.removeEventListener('close', onClose);
      if (editor.open) {
        editor.close();
      }
      resolve(result);
    };
    form.addEventListener('submit', onSubmit);
    editor.addEventListener('close', onClose);
    editor.showModal();
    input.focus();
  });
}
