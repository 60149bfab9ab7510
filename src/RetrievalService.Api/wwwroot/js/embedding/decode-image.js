// Decodes a photo in the browser to the upright, unpremultiplied RGBA pixels preprocess() takes. Colour profiles are
// not applied and EXIF orientation is, as on the server.

/** The container, from the magic bytes, and whether the server decodes it reduced at every scale (JPEG, still WebP). */
export async function sniffFormat(blob) {
  const head = new Uint8Array(await blob.slice(0, 32).arrayBuffer());
  const ascii = (from, to) => String.fromCharCode(...head.slice(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return { name: 'JPEG', scalable: true };
  }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
    // An extended WebP whose VP8X flags have the animation bit is decoded whole by the server, like a GIF.
    const animated = ascii(12, 16) === 'VP8X' && (head[20] & 0x02) !== 0;
    return { name: 'WebP', scalable: !animated };
  }
  if (ascii(1, 4) === 'PNG') {
    return { name: 'PNG', scalable: false };
  }
  if (ascii(0, 4) === 'GIF8') {
    return { name: 'GIF', scalable: false };
  }
  if (ascii(0, 2) === 'BM') {
    return { name: 'BMP', scalable: false };
  }
  return { name: blob.type || 'unknown', scalable: false };
}

/** `{ rgba, width, height, format }` of the first frame of `blob`, at full size. */
export async function decodeImage(blob) {
  const format = await sniffFormat(blob);
  let bitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  } catch {
    throw new Error(`This browser cannot decode the ${format.name} file; search without “Embed on this device” to let the server try.`);
  }
  try {
    const { width, height } = bitmap;
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : makeCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) {
      // Safari refuses canvases past its area limit and answers null instead of throwing.
      throw new Error(`This browser cannot draw a ${width}×${height} photo; search without “Embed on this device” to let the server embed it.`);
    }
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, width, height);
    return { rgba: pixels.data, width, height, format };
  } finally {
    bitmap.close();
  }
}

function makeCanvas(width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}
