// Calls to the service. Every error the API answers is RFC 7807 problem details with `detail` and `code`; this module
// turns any failure (problem details, another body, no network) into an ApiError whose message a user can read.

import { authHeaders } from './api-key.js';

export class ApiError extends Error {
  constructor(status, detail, code, requestId, retryAfterSeconds = null) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** fetch() with the key; resolves to the Response when it is 2xx, rejects with an ApiError otherwise. */
export async function apiFetch(path, { method = 'GET', body, headers = {}, signal } = {}) {
  // Outside the try below: a malformed key is the user's to fix, not a service that could not be reached.
  const auth = authHeaders();
  let response;
  try {
    response = await fetch(path, { method, body, signal, headers: { ...auth, ...headers } });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, `The service could not be reached (${error.message}). Check the connection and try again.`, 'network');
  }
  if (!response.ok) {
    throw await problemOf(response.status, response.headers.get.bind(response.headers), () => response.text());
  }
  return response;
}

/** apiFetch() and the JSON body. */
export async function apiJson(path, options) {
  return (await apiFetch(path, options)).json();
}

/** apiFetch() with a JSON request body. */
export function sendJson(path, method, value) {
  return apiJson(path, { method, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } });
}

/** Reads an error response as problem details, or says what came back instead; `header(name)` reads its headers. */
async function problemOf(status, header, readText) {
  const text = await readText().catch(() => '');
  const requestId = header('X-Request-Id');
  // 429 quota-exceeded and 503 carry Retry-After in seconds.
  const retryAfter = Number.parseInt(header('Retry-After') ?? '', 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : null;
  if (header('Content-Type')?.includes('json')) {
    try {
      const problem = JSON.parse(text);
      const detail = problem.detail || problem.title || `HTTP ${status}`;
      return new ApiError(status, detail, problem.code ?? null, problem.requestId ?? requestId, retryAfterSeconds);
    } catch {
      // Falls through to the generic message: the body claimed JSON but was not.
    }
  }
  return new ApiError(status, `The service answered HTTP ${status} without details.`, null, requestId, retryAfterSeconds);
}

/**
 * POSTs a FormData with XMLHttpRequest, whose upload progress fetch() does not report. `onProgress(fraction)` is
 * called while the body is sent. Resolves to the JSON answer; rejects with an ApiError.
 */
export function uploadForm(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    for (const [name, value] of Object.entries(authHeaders())) {
      request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', async () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText));
        } catch {
          reject(new ApiError(request.status, 'The service answered with a body that is not JSON.', null));
        }
        return;
      }
      reject(await problemOf(request.status, (name) => request.getResponseHeader(name), async () => request.responseText));
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'The upload failed: the service could not be reached.', 'network')));
    request.addEventListener('abort', () => reject(new ApiError(0, 'The upload was cancelled.', 'aborted')));
    request.send(form);
  });
}

/** The path of one gallery image, its id percent-encoded as a single path segment. */
export function imagePath(id, suffix = '') {
  return `/images/${encodeURIComponent(id)}${suffix}`;
}
