// Pages through the gallery (GET /images?limit=50&after=<cursor>) as a grid of cards with Edit and Delete buttons.

import { apiFetch, apiJson, imagePath } from './api.js';
import { createCard, updateCard } from './image-card.js';
import { reporting, showStatus } from './messages.js';
import { editMetadata } from './metadata-editor.js';
import { releaseThumbnails } from './thumbnails.js';

const PAGE_SIZE = 50;

export function setUpGalleryBrowser(view) {
  const grid = view.querySelector('[data-testid="gallery"]');
  const load = view.querySelector('[data-testid="gallery-load"]');
  const next = view.querySelector('[data-testid="gallery-next"]');
  let cursor = null;

  const fetchPage = async (after) => {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (after) {
      query.set('after', after);
    }
    const page = await apiJson(`/images?${query}`);
    grid.append(...page.items.map((image) => card(image)));
    cursor = page.next;
    next.hidden = !cursor;
    showStatus(`${grid.children.length} gallery images shown${cursor ? '; more on the next page' : ''}.`);
  };

  const card = (image) => {
    const item = createCard(image, 'gallery-item');
    const actions = document.createElement('div');
    actions.className = 'card-actions';
    const edit = button('Edit', 'edit-button', `Edit the metadata of ${image.id}`);
    const remove = button('Delete', 'delete-button', `Delete ${image.id}`);
    remove.classList.add('danger');
    edit.addEventListener('click', async () => {
      // One edit per card at a time: another opened while a save is still on its way would start from stale metadata
      // and, saved, undo it.
      edit.disabled = true;
      const updated = await editMetadata(image);
      edit.disabled = false;
      if (updated) {
        image = updated;
        updateCard(item, image);
        showStatus(`Saved the metadata of ${image.id}.`);
      }
      // Back to the card's button, unless a save that ended late finds the user busy elsewhere.
      if (document.activeElement === document.body) {
        edit.focus();
      }
    });
    remove.addEventListener('click', () => reporting(async () => {
      if (!window.confirm(`Delete ${image.id} from the gallery? This cannot be undone.`)) {
        return;
      }
      await apiFetch(imagePath(image.id), { method: 'DELETE' });
      const focusAfter = item.nextElementSibling ?? item.previousElementSibling ?? grid;
      releaseThumbnails(item);
      item.remove();
      focusAfter.focus();
      showStatus(`Deleted ${image.id}.`);
    }));
    actions.append(edit, remove);
    item.append(actions);
    return item;
  };

  load.addEventListener('click', () => reporting(async () => {
    releaseThumbnails(grid);
    grid.replaceChildren();
    await fetchPage(null);
  }));
  next.addEventListener('click', () => reporting(() => fetchPage(cursor)));

  return { reload: () => load.click() };
}

function button(text, testId, label) {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = text;
  node.dataset.testid = testId;
  node.setAttribute('aria-label', label);
  return node;
}
