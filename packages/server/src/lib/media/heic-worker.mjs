// Decodes HEVC HEIC photos with libheif-js (libheif + libde265 compiled to WebAssembly), in a
// worker thread: a 12-megapixel HEIC takes about a second of pure CPU, which on the main
// thread would stall every other request. Plain JavaScript because the server runs its
// TypeScript through tsx's loader, which a worker thread does not inherit; heic.ts is the
// typed side of this message protocol.
//
// Request:  { id, data: ArrayBuffer (the file), maxPixels }
// Reply:    { id, ok: true, width, height, channels, pixels: ArrayBuffer }
//         | { id, ok: false, reason: 'pixels', width, height } | { id, ok: false, reason, message }
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
// libheif-js/wasm reads its .wasm relative to the working directory; load it by path instead.
const factory = require('libheif-js/libheif-wasm/libheif.js');
const wasmBinary = readFileSync(require.resolve('libheif-js/libheif-wasm/libheif.wasm'));
let markReady;
const ready = new Promise((resolve) => (markReady = resolve));
const lib = factory({ wasmBinary, onRuntimeInitialized: () => markReady() });
if (lib.calledRun) markReady();

const isError = (value) => !value || (typeof value === 'object' && 'message' in value && 'code' in value);

function decode(data, maxPixels) {
  const ctx = lib.heif_context_alloc();
  let handle = null;
  let image = null;
  try {
    const read = lib.heif_context_read_from_memory(ctx, new Uint8Array(data));
    if (read.code !== lib.heif_error_code.heif_error_Ok) return { ok: false, reason: 'heic_container', message: read.message };
    handle = lib.heif_js_context_get_primary_image_handle(ctx);
    if (isError(handle)) {
      handle = null;
      return { ok: false, reason: 'heic_primary', message: 'no primary image' };
    }
    // Sizes after the rotation and mirroring that libheif applies while decoding.
    const width = lib.heif_image_handle_get_width(handle);
    const height = lib.heif_image_handle_get_height(handle);
    if (!(width > 0 && height > 0)) return { ok: false, reason: 'heic_size', message: `${width}x${height}` };
    if (width * height > maxPixels) return { ok: false, reason: 'pixels', width, height };
    const alpha = !!lib.heif_image_handle_has_alpha_channel(handle);
    const chroma = alpha ? lib.heif_chroma.heif_chroma_interleaved_RGBA : lib.heif_chroma.heif_chroma_interleaved_RGB;
    image = lib.heif_js_decode_image2(handle, lib.heif_colorspace.heif_colorspace_RGB, chroma);
    if (!image || image.code || !image.channels) {
      const message = image?.message ?? 'decode failed';
      image = null;
      return { ok: false, reason: 'heic_decode', message };
    }
    const plane = image.channels.find((c) => c.id === lib.heif_channel.heif_channel_interleaved);
    const channels = alpha ? 4 : 3;
    if (!plane || plane.bits_per_pixel !== 8 || plane.width !== width || plane.height !== height) {
      return { ok: false, reason: 'heic_plane', message: 'unexpected pixel layout' };
    }
    // The plane is a view into the WebAssembly heap: copy it out, dropping any row padding.
    const row = width * channels;
    const pixels = new Uint8Array(row * height);
    if (plane.stride === row) pixels.set(plane.data.subarray(0, row * height));
    else for (let y = 0; y < height; y++) pixels.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row);
    return { ok: true, width, height, channels, pixels: pixels.buffer };
  } finally {
    if (image) lib.heif_image_release(image.image);
    if (handle) lib.heif_image_handle_release(handle);
    lib.heif_context_free(ctx);
  }
}

parentPort.on('message', async ({ id, data, maxPixels }) => {
  await ready;
  let reply;
  try {
    reply = { id, ...decode(data, maxPixels) };
  } catch (error) {
    // A WebAssembly trap can leave the module's heap inconsistent: answer, then start afresh.
    parentPort.postMessage({ id, ok: false, reason: 'heic_exception', message: String(error?.message ?? error) });
    process.exit(1);
  }
  parentPort.postMessage(reply, reply.pixels ? [reply.pixels] : []);
});
