/**
 * A small seeded generator (sfc32 seeded through splitmix32), so the demo's history is the same
 * on every machine for the same day, plus the few distributions it draws from.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Lognormal with the given mean and coefficient of variation (sd ÷ mean). */
  lognormal(mean: number, cv: number): number;
  /** Poisson with the given mean (Knuth; the demo's means are small). */
  poisson(mean: number): number;
  chance(p: number): boolean;
  /** Integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
};

/** A 32-bit seed from text (FNV-1a), so "hamkorbank/TSH/2026-11-03" seeds its own day. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const normal = () => {
    let u = 0;
    while (u === 0) u = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    lognormal: (mean, cv) => {
      const sigma2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal());
    },
    poisson: (mean) => {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    chance: (p) => next() < p,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
