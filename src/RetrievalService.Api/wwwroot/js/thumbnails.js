// Thumbnails need the key, so an <img src> cannot fetch them: each is fetched with the Authorization header when its
// card scrolls into view (a few at a time), shown through a blob: URL, and released when its grid is cleared.
// A missing thumbnail (404 thumbnail-not-found) or any other failure shows the placeholder.

import { authHeaders } from './api-key.js';
import { imagePath } from './api.js';

export const PLACEHOLDER = '/img/placeholder.svg';
const PARALLEL = 4;
// Thumbnails count against the key's search quota: a page of them can outrun its burst, so a 429 is retried after
// the server's Retry-After, a few times at most.
const QUOTA_RETRIES = 3;

const waiting = [];
let running = 0;
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) {
      observer.unobserve(entry.target);
      waiting.push(entry.target);
    }
  }
  pump();
}, { rootMargin: '200px' });

/** Makes `img` show gallery image `id`'s thumbnail once it is near the viewport. */
export function showThumbnail(img, id) {
  img.src = PLACEHOLDER;
  img.dataset.thumbnailOf = id;
  observer.observe(img);
}

/** Revokes the blob: URLs of every thumbnail inside `container` and stops loading them. */
export function releaseThumbnails(container) {
  for (const img of container.querySelectorAll('img[data-thumbnail-of]')) {
    observer.unobserve(img);
    const queued = waiting.indexOf(img);
    if (queued >= 0) {
      waiting.splice(queued, 1);
    }
    if (img.src.startsWith('blob:')) {
      URL.revokeObjectURL(img.src);
    }
  }
}

function pump() {
  while (running < PARALLEL && waiting.length > 0) {
    const img = waiting.shift();
    running++;
    load(img).finally(() => {
      running--;
      pump();
    });
  }
}

async function load(img) {
  try {
    const response = await fetch(imagePath(img.dataset.thumbnailOf, '/thumbnail'), { headers: authHeaders() });
    if (response.status === 429 && Number(img.dataset.retries ?? 0) < QUOTA_RETRIES) {
      img.dataset.retries = String(Number(img.dataset.retries ?? 0) + 1);
      const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '1', 10) || 1;
      setTimeout(() => {
        if (img.isConnected) {
          waiting.push(img);
          pump();
        }
      }, 1000 * seconds);
      return;
    }
    if (!response.ok || !img.isConnected) {
      return;
    }
    const blob = await response.blob();
    if (img.isConnected) {
      img.src = URL.createObjectURL(blob);
    }
  } catch {
    // The placeholder stays: a thumbnail is decoration, the id and metadata beside it are the content.
  }
}
