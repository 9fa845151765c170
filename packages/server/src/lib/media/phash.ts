// The perceptual hash behind the duplicate check (core's checkDuplicate / hammingDistance):
// 64 bits as 16 lowercase hex digits, near for the same scene, far for different ones.
//
// DCT pHash rather than dHash: it keeps only the lowest 8×8 spatial frequencies of a 32×32
// greyscale image and sets each bit by comparing with their median. JPEG re-compression and
// resizing mostly change high frequencies (dropped here); a brightness change moves only the
// DC term (always above the median, so no bit flips); and the median threshold absorbs most
// contrast changes. dHash compares neighbouring pixels and so flips bits in the flat areas
// (sky, concrete, bare ground) that construction-site photos are full of. Same convention as
// the widely used Python `imagehash.phash` (DCT-II without scaling, DC kept, row-major bits).
//
// The caller passes already-decoded pixels (image.ts gets them from the thumbnail, after the
// orientation is applied), so hashing costs a few microseconds and no decode.

/** Side of the greyscale square the hash is computed from. */
export const HASH_INPUT_SIZE = 32;
const LOW = 8;

// cos((2x + 1)uπ / 64) for the 8 frequencies kept, computed once.
const COS: Float64Array[] = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: HASH_INPUT_SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * HASH_INPUT_SIZE))),
);

/** pHash of a 32×32 greyscale image given as 1,024 bytes, row by row. */
export function perceptualHash(grey: Uint8Array): string {
  const N = HASH_INPUT_SIZE;
  if (grey.length !== N * N) throw new RangeError(`感知哈希需要 ${N}×${N} 的灰度像素`);
  // Separable DCT: rows first (only the 8 lowest frequencies), then columns.
  const rows = new Float64Array(N * LOW);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < LOW; u++) {
      const c = COS[u]!;
      let sum = 0;
      for (let x = 0; x < N; x++) sum += grey[y * N + x]! * c[x]!;
      rows[y * LOW + u] = sum;
    }
  }
  const coeffs = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    const c = COS[v]!;
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < N; y++) sum += rows[y * LOW + u]! * c[y]!;
      coeffs[v * LOW + u] = sum;
    }
  }
  const sorted = Float64Array.from(coeffs).sort();
  const median = (sorted[31]! + sorted[32]!) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let n = 0;
    for (let bit = 0; bit < 4; bit++) n = (n << 1) | (coeffs[nibble * 4 + bit]! > median ? 1 : 0);
    hex += n.toString(16);
  }
  return hex;
}
