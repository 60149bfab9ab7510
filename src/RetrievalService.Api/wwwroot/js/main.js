// Wires the page: the API key field, the two views (Search and Curate, chosen by the tabs and the URL's #hash).

import { loadKey, saveKey } from './api-key.js';
import { setUpCurateView } from './curate-view.js';
import { keyProblem, normalizeKey } from './key-shape.js';
import { clearError, showError, showStatus } from './messages.js';
import { setUpSearchView } from './search-view.js';

const search = setUpSearchView(document.getElementById('view-search'));
setUpCurateView(document.getElementById('view-curate'));

const keyForm = document.querySelector('[data-testid="key-form"]');
const keyInput = document.getElementById('api-key');
keyInput.value = loadKey();
keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = normalizeKey(keyInput.value);
  const problem = keyProblem(key);
  if (problem) {
    showStatus('');
    showError(new Error(`The key was not saved: ${problem}`));
    keyInput.focus();
    return;
  }
  clearError();
  keyInput.value = key;
  saveKey(key);
  showStatus(key ? 'Key saved in this browser.' : 'No key: requests go anonymous.');
  refreshModels();
});
document.getElementById('api-key-forget').addEventListener('click', () => {
  keyInput.value = '';
  saveKey('');
  showStatus('Key forgotten: requests go anonymous.');
  refreshModels();
});

// Without a key GET /models is refused while anonymous search is off (the default), so a first visit would open on
// an error: the page asks for a key instead.
function refreshModels() {
  if (loadKey()) {
    search.refreshModels();
  } else {
    showStatus('Enter an API key above to list the query models and search.');
  }
}

const tabs = Array.from(document.querySelectorAll('.tab'));
function showView(name) {
  for (const tab of tabs) {
    const current = tab.dataset.view === name;
    document.getElementById(`view-${tab.dataset.view}`).hidden = !current;
    if (current) {
      tab.setAttribute('aria-current', 'page');
    } else {
      tab.removeAttribute('aria-current');
    }
  }
  clearError();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => {
    history.replaceState(null, '', `#${tab.dataset.view}`);
    showView(tab.dataset.view);
  });
}
window.addEventListener('hashchange', () => showView(location.hash === '#curate' ? 'curate' : 'search'));
showView(location.hash === '#curate' ? 'curate' : 'search');

refreshModels();
