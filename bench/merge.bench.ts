/**
 * bench:merge — the Gray-code subset sweep against naive re-averaging, and the sweep's peak memory.
 * Run with `npm run bench:merge`. Prints one line per N, then two peak-memory lines.
 *
 * Gray: the whole sweep (2^N − 1 subsets), per-subset time = total / subsets.
 * Naive: each subset's mean recomputed from scratch (mergeMaskUnchecked: same Float64 accumulation, no
 * per-call validation, as the sweep validates once too), timed on a seeded sample of at most
 * NAIVE_SAMPLE subsets drawn uniformly from all 2^N − 1, to keep the bench short.
 * Both are the best of REPEATS runs (the machine is shared; the minimum is the least disturbed run).
 * Memory: RSS and ArrayBuffer growth over the models' own footprint, sampled ~64 times per sweep.
 */
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { ParamLayout } from "../src/params/layout";
import { ParamVector } from "../src/params/param-vector";
import { mergeMaskUnchecked, sweepSubsets } from "../src/merge";
import { Rng } from "../src/util/rng";

const P_SHAPES: Array<[string, number[]]> = [
  ["encoder/dense1/kernel", [600, 400]],
  ["encoder/dense1/bias", [400]],
  ["encoder/dense2/kernel", [400, 74]],
]; // 240000 + 400 + 29600 = 270000
const NAIVE_SAMPLE = 200;
const REPEATS = 3;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function models(layout: ParamLayout, n: number, seed: number): ParamVector[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const d = new Float32Array(layout.size);
    for (let j = 0; j < d.length; j++) d[j] = rng.normal() * 0.05;
    return new ParamVector(layout, d);
  });
}

let sink = 0; // consume results so nothing is optimised away

function timeGray(ms: ParamVector[]): number {
  const t0 = process.hrtime.bigint();
  let count = 0;
  for (const s of sweepSubsets(ms)) {
    sink += s.params.data[count % s.params.size];
    count++;
  }
  return Number(process.hrtime.bigint() - t0) / 1e6 / count;
}

function timeNaive(ms: ParamVector[], seed: number): number {
  const total = 2 ** ms.length - 1;
  const rng = new Rng(seed);
  const sample = Math.min(NAIVE_SAMPLE, total);
  const masks = Array.from({ length: sample }, (_, i) => (sample === total ? i + 1 : 1 + rng.int(total)));
  const t0 = process.hrtime.bigint();
  for (const mask of masks) sink += mergeMaskUnchecked(ms, mask).data[mask % ms[0].size];
  return Number(process.hrtime.bigint() - t0) / 1e6 / sample;
}

/** Collect until ArrayBuffer memory stops shrinking: V8 frees backing stores lazily after a GC. */
function settle(): void {
  let last = Infinity;
  for (let i = 0; i < 10; i++) {
    gc();
    const now = process.memoryUsage().arrayBuffers;
    if (now >= last) return;
    last = now;
  }
}

function peakMemory(layout: ParamLayout, n: number): { rss: number; buffers: number } {
  const ms = models(layout, n, 900 + n);
  settle();
  const m0 = process.memoryUsage();
  let rss = 0,
    buffers = 0;
  // Sample ~64 times whatever N, so the samples' own garbage is the same for both sizes.
  const every = Math.max(1, Math.floor((2 ** n - 1) / 64));
  for (const s of sweepSubsets(ms)) {
    sink += s.params.data[0];
    if (s.step % every !== 0 && s.step !== 2 ** n - 2) continue;
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - m0.rss);
    buffers = Math.max(buffers, m.arrayBuffers - m0.arrayBuffers);
  }
  return { rss, buffers };
}

function main(): void {
  const layout = ParamLayout.fromShapes(P_SHAPES);
  // Warm up the JIT on both paths.
  const warm = models(layout, 6, 1);
  for (let r = 0; r < 2; r++) {
    timeGray(warm);
    timeNaive(warm, r);
  }

  let speedup10 = 0;
  for (const n of [7, 10, 12]) {
    const ms = models(layout, n, 100 + n);
    gc();
    let gray = Infinity,
      naive = Infinity;
    for (let r = 0; r < REPEATS; r++) {
      gc();
      gray = Math.min(gray, timeGray(ms));
      gc();
      naive = Math.min(naive, timeNaive(ms, 200 + n));
    }
    const speedup = naive / gray;
    if (n === 10) speedup10 = speedup;
    console.log(
      `sweep N=${n} P=${layout.size}: gray ${gray.toFixed(2)} ms/subset, naive ${naive.toFixed(2)} ms/subset, speedup ${speedup.toFixed(1)}x`,
    );
  }
  const mb = (b: number): string => (b / 2 ** 20).toFixed(1);
  const m4 = peakMemory(layout, 4),
    m12 = peakMemory(layout, 12);
  const kernel = mb(layout.size * 16); // the SIMD step kernel's memory: one Float64 sum + one Float32 mean + one Float32 scratch
  console.log(
    `peak memory N=4: +${mb(m4.rss)} MB, N=12: +${mb(m12.rss)} MB (RSS delta during the sweep; the step kernel's WebAssembly memory, 16 bytes per parameter = ${kernel} MB, counts here)`,
  );
  console.log(
    `peak memory N=4: +${mb(m4.buffers)} MB, N=12: +${mb(m12.buffers)} MB (JS ArrayBuffer delta: WebAssembly memory is not counted in it)`,
  );
  if (speedup10 < 3) {
    console.error(
      `FAIL: the Gray sweep should be at least 3x faster than naive at N=10 (got ${speedup10.toFixed(1)}x)`,
    );
    process.exitCode = 1;
  }
  if (sink === 42) console.error(""); // keep `sink` observable
}

main();
