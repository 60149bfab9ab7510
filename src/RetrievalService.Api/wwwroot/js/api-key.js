// The user's API key, kept in this browser's localStorage and sent as a bearer token. Without one, requests go
// anonymous (the server may allow anonymous search).

import { keyProblem, normalizeKey } from './key-shape.js';

const STORAGE_KEY = 'retrieval.apiKey';

export function loadKey() {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveKey(key) {
  try {
    if (key) {
      localStorage.setItem(STORAGE_KEY, key);
    } else {
      localStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // Storage can be disabled (private windows): the key then lasts until the page is closed.
  }
}

/** The Authorization header for the current key, or none; throws when the key cannot be one (saved by an older page). */
export function authHeaders(key = loadKey()) {
  const token = normalizeKey(key);
  if (!token) {
    return {};
  }
  const problem = keyProblem(token);
  if (problem) {
    throw new Error(`The saved API key is malformed: ${problem} Enter the key again and save it.`);
  }
  return { Authorization: `Bearer ${token}` };
}
