// What an API key looks like (ApiKeySecret on the server): rsk_, its id (12 lower-case hex digits), _, and its secret
// (43 base64url characters). Checked before the key is saved or sent, so a typo or a stray character pasted with it is
// named at once: a character outside Latin-1 would otherwise make fetch() throw on the header, which reads like an
// unreachable service.

const PREFIX = 'rsk_';
const SHAPE = /^rsk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;
const ID = /^[0-9a-f]{12}$/;
const SECRET_LENGTH = 43;

// Whitespace anywhere, and the invisible characters that copying from chat or mail brings along (zero-width space and
// joiners, word joiner, byte order mark): no key holds any of them.
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;

/** `text` without whitespace or zero-width characters, wherever they are. */
export function normalizeKey(text) {
  return text.replace(INVISIBLE, '');
}

/** What is wrong with `key` (already normalized) as an API key, or null when it looks like one or is empty. */
export function keyProblem(key) {
  if (!key || SHAPE.test(key)) {
    return null;
  }
  const stray = key.match(/[^A-Za-z0-9_-]/u);
  if (stray) {
    return `it holds ${describe(stray[0])}, which no API key has: keys are letters, digits, _ and -.`;
  }
  if (!key.startsWith(PREFIX)) {
    return `an API key starts with ${PREFIX}.`;
  }
  const rest = key.slice(PREFIX.length);
  if (!ID.test(rest.slice(0, 12)) || rest[12] !== '_') {
    return `after ${PREFIX} comes the key's id, 12 lower-case hex digits (0-9, a-f), then _.`;
  }
  const secret = rest.slice(13);
  return `the secret after the id has ${secret.length} characters; an API key's has ${SECRET_LENGTH}.`;
}

function describe(character) {
  const code = `U+${character.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return /\p{L}|\p{N}|\p{P}|\p{S}/u.test(character) ? `"${character}" (${code})` : `the invisible character ${code}`;
}
