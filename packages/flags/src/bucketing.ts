/**
 * Deterministic percentage bucketing, reproducible by any client SDK:
 *
 *   h      = FNV-1a 32-bit over the UTF-8 bytes of `seed + ":" + value`
 *            (offset basis 0x811c9dc5, prime 0x01000193, xor then multiply, modulo 2^32)
 *   m      = fmix32(h): h ^= h >>> 16; h *= 0x85ebca6b; h ^= h >>> 13; h *= 0xc2b2ae35; h ^= h >>> 16
 *            (MurmurHash3's finalizer, multiplications modulo 2^32)
 *   bucket = floor(m * 10000 / 2^32)          // 0..9999, i.e. (uint64(m) * 10000) >> 32
 *
 * A context is inside a `percentage` p (0-100, two decimals) when `bucket < round(p * 100)`.
 * Why the finalizer: FNV-1a ends with one multiply, so ids that differ only in their last
 * character (`user-1`, `user-2`, …) land within a few dozen buckets of each other (its low bits
 * only mix the low bits of each byte, its high bits barely move). The finalizer spreads every
 * input bit over the whole word; GrowthBook's hash v2 fixes the same flaw by hashing twice.
 *
 * The hot path allocates nothing: the hash state after `seed + ":"` is computed once per flag and
 * the value's UTF-16 code units are encoded to UTF-8 on the fly (a lone surrogate hashes as
 * U+FFFD, which is what `TextEncoder` produces).
 */

export const FNV_OFFSET_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
/** Buckets per rollout: a percentage has a resolution of 0.01 %. */
export const BUCKETS = 10_000;
const TWO_POW_32 = 4_294_967_296;

/** Continues an FNV-1a 32-bit hash `state` over the UTF-8 bytes of `text`; returns an unsigned 32-bit value. */
export function fnv1aUpdate(state: number, text: string): number {
  let h = state | 0;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, FNV_PRIME);
    } else if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
    } else {
      let point = c;
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i += 1;
        } else {
          point = 0xfffd; // a lone surrogate: what TextEncoder writes
        }
      }
      if (point >= 0x10000) {
        h = Math.imul(h ^ (0xf0 | (point >> 18)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((point >> 12) & 0x3f)), FNV_PRIME);
      } else {
        h = Math.imul(h ^ (0xe0 | (point >> 12)), FNV_PRIME);
      }
      h = Math.imul(h ^ (0x80 | ((point >> 6) & 0x3f)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | (point & 0x3f)), FNV_PRIME);
    }
  }
  return h >>> 0;
}

/** FNV-1a 32-bit of the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  return fnv1aUpdate(FNV_OFFSET_BASIS, text);
}

/** The hash state after `seed + ":"`: continue it with the bucketing value (`fnv1aUpdate`). */
export function seedState(seed: string): number {
  return fnv1aUpdate(fnv1aUpdate(FNV_OFFSET_BASIS, seed), ':');
}

/** MurmurHash3's 32-bit finalizer (`fmix32`): every input bit affects every output bit. */
export function fmix32(hash: number): number {
  let h = hash | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An FNV-1a hash to its bucket in 0..9999: `floor(fmix32(hash) * 10000 / 2^32)`. */
export function bucketOfHash(hash: number): number {
  return Math.floor((fmix32(hash) * BUCKETS) / TWO_POW_32);
}

/** The bucket (0..9999) of `value` for a flag seeded with `seed`: `floor(fmix32(fnv1a32(seed + ":" + value)) * 10000 / 2^32)`. */
export function bucketOf(seed: string, value: string): number {
  return bucketOfHash(fnv1aUpdate(seedState(seed), value));
}

/** A percentage (0-100, at most two decimals) as a bucket threshold: inside when `bucket < threshold`. */
export function percentageThreshold(percentage: number): number {
  return Math.min(BUCKETS, Math.max(0, Math.round(percentage * 100)));
}
