/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32 as whole numbers in [0, 2^32): a tiny seedable PRNG, so simulated faults and ids are reproducible. */
export function mulberry32Uint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** mulberry32 as numbers in [0, 1). */
export function mulberry32(seed: number): Random {
  const next = mulberry32Uint32(seed);
  return () => next() / 4294967296;
}

/** A 32-bit seed from any text (FNV-1a over its code points), for seeds given as strings. */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** True with probability `rate`; draws from `random` only when the outcome is actually uncertain. */
export function chance(random: Random, rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return random() < rate;
}
