// Unit tests of the API key's shape check (src/RetrievalService.Api/wwwroot/js/key-shape.js), run by `npm test` in web/.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyProblem, normalizeKey } from '../../src/RetrievalService.Api/wwwroot/js/key-shape.js';

// The shape ApiKeySecret.Generate makes: rsk_, 12 lower-case hex digits, _, 43 base64url characters.
const KEY = 'rsk_0123456789ab_' + 'Abc-_9'.repeat(7) + 'x';

test('a well-formed key and an empty one have no problem', () => {
  assert.equal(KEY.length, 60);
  assert.equal(keyProblem(KEY), null);
  assert.equal(keyProblem(''), null);
});

test('normalizing removes whitespace and zero-width characters wherever they are', () => {
  assert.equal(normalizeKey(`\u200B ${KEY.slice(0, 20)}\u200D\u2060${KEY.slice(20)}\uFEFF\t\n`), KEY);
});

test('a character no key has is named with its code point', () => {
  const problem = keyProblem(KEY.replace('A', '\u0410'));
  assert.match(problem, /"\u0410" \(U\+0410\)/);
});

test('an invisible character that is not whitespace is called invisible', () => {
  assert.match(keyProblem(KEY.replace('A', '\u00AD')), /invisible character U\+00AD/);
});

test('a key without the rsk_ prefix is told so', () => {
  assert.match(keyProblem(KEY.replace('rsk_', 'rsx_')), /starts with rsk_/);
});

test('an id that is not 12 lower-case hex digits is told so', () => {
  assert.match(keyProblem(KEY.replace('0123456789ab', '0123456789AB')), /12 lower-case hex digits/);
  assert.match(keyProblem(KEY.replace('0123456789ab', '0123456789a')), /12 lower-case hex digits/);
});

test('a secret of the wrong length says how long it is', () => {
  assert.match(keyProblem(KEY.slice(0, -1)), /has 42 characters; an API key's has 43/);
});
