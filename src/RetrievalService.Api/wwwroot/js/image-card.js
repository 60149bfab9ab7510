// One gallery image as a card: thumbnail, id, score (search results), source and metadata. Built with textContent
// only, so ids and metadata from the gallery can never become markup.

import { PLACEHOLDER, showThumbnail } from './thumbnails.js';

/** A focusable <li> for `image` ({id, source, metadata, score?, thumbnail?}); `testId` names it for browser tests. */
export function createCard(image, testId) {
  const item = document.createElement('li');
  item.className = 'card';
  item.tabIndex = 0;
  item.dataset.testid = testId;
  item.dataset.id = image.id;
  const label = image.score === undefined ? image.id : `${image.id}, score ${image.score.toFixed(4)}`;
  item.setAttribute('aria-label', label);

  const thumb = document.createElement('img');
  thumb.className = 'thumb';
  thumb.alt = '';
  thumb.decoding = 'async';
  // The API says `thumbnail: null` when the image has none: asking for it would only earn a 404.
  if (image.thumbnail === null) {
    thumb.src = PLACEHOLDER;
  } else {
    showThumbnail(thumb, image.id);
  }

  const id = element('span', 'id', image.id);
  id.dataset.testid = 'image-id';
  item.append(thumb, id);
  if (image.score !== undefined) {
    const score = element('span', 'score', `score ${image.score.toFixed(4)}`);
    score.dataset.testid = 'result-score';
    item.append(score);
  }
  const meta = element('pre', 'meta', describe(image));
  meta.dataset.testid = 'image-metadata';
  item.append(meta);
  return item;
}

/** Replaces the metadata shown on `card`. */
export function updateCard(card, image) {
  card.querySelector('.meta').textContent = describe(image);
}

function describe(image) {
  const metadata = image.metadata && Object.keys(image.metadata).length > 0 ? JSON.stringify(image.metadata, null, 1) : '{}';
  return image.source ? `${image.source}\n${metadata}` : metadata;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}
