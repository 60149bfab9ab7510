// The page's two message regions: errors (role="alert", the API's `detail` verbatim) and progress notes (role="status").

const alertRegion = () => document.querySelector('[data-testid="error"]');
const statusRegion = () => document.querySelector('[data-testid="status"]');

/** Shows an error: an ApiError's detail (with its code), or any other error's message. */
export function showError(error) {
  const region = alertRegion();
  const code = error?.code && !['network', 'aborted'].includes(error.code) ? ` (${error.code})` : '';
  region.textContent = `${error?.message || String(error)}${code}`;
  region.hidden = false;
  console.error(error);
}

export function clearError() {
  const region = alertRegion();
  region.textContent = '';
  region.hidden = true;
}

export function showStatus(text) {
  statusRegion().textContent = text;
}

/** Runs `work`, showing any failure; resolves to its result or undefined. */
export async function reporting(work) {
  try {
    clearError();
    return await work();
  } catch (error) {
    showStatus('');
    showError(error);
    return undefined;
  }
}
