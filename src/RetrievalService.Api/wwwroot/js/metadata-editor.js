// The metadata dialog: a JSON textarea for one image, saved with PATCH /images/{id}. Esc or Cancel closes it unsaved.
// While a save is on its way, Save and Cancel are disabled and Esc is ignored; should the browser close the dialog all
// the same (close watchers allow it to refuse a page's cancel), the save still ends for the image it was made for.

import { imagePath, sendJson } from './api.js';
import { parseObject } from './json-field.js';
import { showError } from './messages.js';

const dialog = () => document.querySelector('[data-testid="metadata-dialog"]');

// The edit the dialog shows now: a save that ends after its dialog was closed must not close, or show its error in,
// the dialog of an edit opened since.
let shownEdit = null;

/** Opens the editor for `image`; resolves to the updated image once saved, or null when nothing was saved. */
export function editMetadata(image) {
  const editor = dialog();
  const form = editor.querySelector('form');
  const input = form.elements.metadata;
  const error = editor.querySelector('[data-testid="metadata-error"]');
  const edit = {};
  shownEdit = edit;
  const shown = () => shownEdit === edit && editor.open;
  editor.querySelector('[data-testid="metadata-id"]').textContent = image.id;
  input.value = JSON.stringify(image.metadata ?? {}, null, 2);
  error.textContent = '';
  holdWhileSaving(form, false);

  return new Promise((resolve) => {
    const listening = new AbortController();
    let saving = false;
    const onSubmit = async (event) => {
      if (event.submitter?.value !== 'save') {
        return;
      }
      event.preventDefault();
      let metadata;
      try {
        metadata = parseObject(input.value, 'metadata') ?? {};
      } catch (failure) {
        error.textContent = failure.message;
        return;
      }
      saving = true;
      holdWhileSaving(form, true);
      try {
        const updated = await sendJson(imagePath(image.id), 'PATCH', { metadata });
        listening.abort();
        if (shown()) {
          editor.close();
        }
        resolve(updated);
      } catch (failure) {
        saving = false;
        if (shown()) {
          holdWhileSaving(form, false);
          error.textContent = `${failure.message}${failure.code ? ` (${failure.code})` : ''}`;
          input.focus();
          return;
        }
        // The dialog was closed meanwhile: the page's alert is the one place left to say the save failed.
        showError(failure);
        resolve(null);
      }
    };
    form.addEventListener('submit', onSubmit, { signal: listening.signal });
    editor.addEventListener('cancel', (event) => {
      if (saving) {
        event.preventDefault();
      }
    }, { signal: listening.signal });
    editor.addEventListener('close', () => {
      listening.abort();
      // A save on its way resolves when it ends.
      if (!saving) {
        resolve(null);
      }
    }, { signal: listening.signal });
    editor.showModal();
    input.focus();
  });
}

function holdWhileSaving(form, saving) {
  for (const button of form.querySelectorAll('button')) {
    button.disabled = saving;
  }
  form.elements.metadata.readOnly = saving;
}
