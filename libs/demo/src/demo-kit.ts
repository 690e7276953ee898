import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * Deterministic ids for a service's demo records (`jiceng-<namespace>-demo:<path>`), so that
 * loading twice finds what the first load wrote.
 */
export const demoIds =
  (namespace: string) =>
  (path: string): Types.ObjectId =>
    new Types.ObjectId(
      createHash('sha256').update(`jiceng-${namespace}-demo:${path}`).digest('hex').slice(0, 24),
    );

/** Deterministic randomness: every draw derives from a label (mulberry32). */
export function rng(label: string): () => number {
  let state = createHash('sha256').update(label).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max`, both included. */
export const between = (random: () => number, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

/** A key drawn with the given weights. */
export function weighted<T extends string>(random: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) if ((r -= w) < 0) return key;
  return entries[entries.length - 1][0];
}

/** An index drawn with the given weights. */
export function weightedIndex(random: () => number, weights: number[]): number {
  let r = random() * weights.reduce((s, w) => s + w, 0);
  const index = weights.findIndex((w) => (r -= w) < 0);
  return index < 0 ? weights.length - 1 : index;
}

/** The items' order shuffled by `random` (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `count` distinct items of `items` (all of them when there are fewer), drawn by `random`. */
export const pickDistinct = <T>(items: readonly T[], count: number, random: () => number): T[] =>
  shuffled(items, random).slice(0, count);
