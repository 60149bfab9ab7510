// Reads a textarea that must hold a JSON object (a filter, metadata), so a typo is reported before any request.

/** The object in `text`, or null when it is blank; throws an Error naming `what` otherwise. */
export function parseObject(text, what) {
  if (!text.trim()) {
    return null;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${what} is not valid JSON: ${error.message}.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`The ${what} must be a JSON object, like {"kind": "shoe"}.`);
  }
  return value;
}
