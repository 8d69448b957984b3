/**
 * A mask over a target's candidates (bit i = candidate i) as a mask over the suite's tasks.
 *
 * @example
 * toGlobalMask(0b11, [0, 2]);   // 0b101
 */
export function toGlobalMask(mask: number, globalBits: readonly number[]): number {
  let g = 0;
  for (let i = 0; i < globalBits.length; i++) if ((mask >> i) & 1) g |= 1 << globalBits[i];
  return g;
}
