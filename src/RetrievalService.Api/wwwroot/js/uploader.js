// Uploads gallery images to POST /index, one request per file (two at a time) so each file shows its own progress
// bar and outcome: stored, unchanged, or rejected with the server's reason.

import { uploadForm } from './api.js';

const PARALLEL = 2;
// A big selection outruns the key's index quota (a burst, then a steady rate): such a file waits as long as the
// server's Retry-After says and is sent again, a few times at most.
const QUOTA_RETRIES = 5;

/**
 * Uploads `files`, each under its file name as id, with `metadata` (an object or null) for every one. Adds one row per
 * file to `list`; resolves to the count of each outcome once all are done.
 */
export async function uploadFiles(files, metadata, list) {
  const rows = files.map((file) => {
    const row = createRow(file);
    list.append(row.item);
    return { file, ...row };
  });
  const counts = { stored: 0, unchanged: 0, rejected: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      counts[await uploadOne(row, metadata)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker));
  return counts;
}

async function uploadOne(row, metadata) {
  const form = new FormData();
  form.append('files', row.file, row.file.name);
  if (metadata) {
    form.append('metadata', JSON.stringify({ [row.file.name]: metadata }));
  }
  try {
    const answer = await sendWithRetries(row, form);
    row.progress.value = 1;
    const item = answer.items[0];
    const text = item.status === 'rejected' ? `rejected: ${item.reason} (${item.code})` : item.status;
    setStatus(row, item.status, text);
    return item.status;
  } catch (error) {
    setStatus(row, 'failed', `failed: ${error.message}${error.code ? ` (${error.code})` : ''}`);
    return 'failed';
  }
}

async function sendWithRetries(row, form) {
  for (let attempt = 0; ; attempt++) {
    setStatus(row, 'uploading', 'uploading…');
    try {
      return await uploadForm('/index', form, (fraction) => {
        row.progress.value = fraction;
        if (fraction >= 1) {
          setStatus(row, 'embedding', 'embedding…');
        }
      });
    } catch (error) {
      const waitSeconds = error.retryAfterSeconds;
      if (![429, 503].includes(error.status) || waitSeconds === null || attempt >= QUOTA_RETRIES) {
        throw error;
      }
      row.progress.value = 0;
      setStatus(row, 'waiting', `waiting ${waitSeconds} s: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 1000 * waitSeconds));
    }
  }
}

function createRow(file) {
  const item = document.createElement('li');
  item.dataset.testid = 'upload-item';
  item.dataset.name = file.name;
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = file.name;
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = 0;
  progress.setAttribute('aria-label', `Upload of ${file.name}`);
  const status = document.createElement('span');
  status.dataset.testid = 'upload-status';
  status.dataset.status = 'queued';
  status.textContent = 'queued';
  item.append(name, progress, status);
  return { item, progress, status };
}

function setStatus(row, state, text) {
  row.status.dataset.status = state;
  row.status.textContent = text;
}
