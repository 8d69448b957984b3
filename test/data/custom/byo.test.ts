import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { decodePgm, decodePng, encodePng, makeSuite, taskFromArrays, taskFromCSV, taskFromImageFolder, taskFromTextFolder } from "../../../src/data";
import { CorruptFileError, InvalidArgumentError, LayoutMismatchError } from "../../../src/util/errors";
import { Rng } from "../../../src/util/rng";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-byo-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));

test("PNG decoder round-trips gray, RGB and RGBA images (all filter types, zlib deflate)", () => {
  const rng = new Rng(7);
  for (const ch of [1, 3, 4] as const) {
    const w = 13, h = 9;
    const px = Uint8Array.from({ length: w * h * ch }, () => rng.int(256));
    const img = decodePng(encodePng(px, w, h, ch));
    assert.deepEqual([img.width, img.height, img.channels], [w, h, ch]);
    assert.deepEqual([...img.data], [...px]);
  }
  // Hand-built Average (3) and Paeth (4) rows, which our encoder does not emit.
  const raw = Buffer.from([3, 10, 20, 30, 4, 5, 6, 7]);
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(3, 0); ihdr.writeUInt32BE(2, 4); ihdr[8] = 8;
  const enc = encodePng(new Uint8Array(6), 3, 2, 1);
  const idatStart = enc.indexOf("IDAT") - 4;
  const chunk = (type: string, data: Buffer) => { const c = Buffer.alloc(12 + data.length); c.writeUInt32BE(data.length, 0); c.write(type, 4, "latin1"); data.copy(c, 8); return c; };
  const png = Buffer.concat([enc.subarray(0, idatStart), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
  const out = decodePng(png).data;
  assert.deepEqual([...out.subarray(0, 3)], [10, 25, 42]); // avg: a=0,up=0 → 10; 20+5; 30+12
  assert.deepEqual([...out.subarray(3)], [5 + 10, 6 + 25, 7 + 42]); // Paeth: the predictor closest to a+up−c is `up` here
  assert.throws(() => decodePng(Buffer.from("not a png")), CorruptFileError);
  const bad = Buffer.from(encodePng(new Uint8Array(4), 2, 2, 1)); bad[8 + 8 + 8] = 16; // bit depth 16
  assert.throws(() => decodePng(bad), /bit depth 16/);
});

test("taskFromImageFolder reads PNG and PGM, grayscale, resized to 28×28", () => {
  const dir = path.join(tmp, "shapes");
  const rng = new Rng(3);
  for (const [c, k] of [["bars", 0], ["dots", 1]] as const) {
    fs.mkdirSync(path.join(dir, c), { recursive: true });
    for (let i = 0; i < 12; i++) {
      const w = 56, px = new Uint8Array(w * w * 3);
      for (let p = 0; p < w * w; p++) { const on = k === 0 ? (p % w) % 8 < 4 : rng.next() < 0.1; px.fill(on ? 255 : 0, p * 3, p * 3 + 3); }
      if (i % 3 === 0) {
        const gray = Buffer.alloc(w * w); for (let p = 0; p < w * w; p++) gray[p] = px[p * 3];
        fs.writeFileSync(path.join(dir, c, `${i}.pgm`), Buffer.concat([Buffer.from(`P5\n# test\n${w} ${w}\n255\n`), gray]));
      } else fs.writeFileSync(path.join(dir, c, `${i}.png`), encodePng(px, w, w, 3));
    }
  }
  const task = taskFromImageFolder(dir, { seed: 1, sizes: { train: 10, val: 6, test: 6, headfitPerClass: 1 } });
  assert.deepEqual(task.classes, ["bars", "dots"]);
  assert.deepEqual(task.inputShape, [28, 28, 1]);
  assert.equal(task.splits.train.n + task.splits.val.n + task.splits.test.n + task.splits.headfit.n, 24);
  // A bars image averages to 0.5 per row pair after 2× area downsampling.
  const t = task.splits.train;
  const i = [...t.y].indexOf(0);
  const row = t.x.subarray(i * 784, i * 784 + 28);
  assert.ok(Math.abs(row[0] - 1) < 1e-6 && Math.abs(row[2]) < 1e-6, "bars preserved");
  assert.equal(decodePgm(fs.readFileSync(path.join(dir, "bars", "0.pgm"))).width, 56);
  fs.mkdirSync(path.join(dir, "empty"));
  assert.throws(() => taskFromImageFolder(dir, { seed: 1 }), (e: unknown) => e instanceof InvalidArgumentError && /empty/.test(e.message));
});

test("taskFromArrays validates labels, NaN, shapes and empty classes", () => {
  const x = Float32Array.from({ length: 40 * 4 }, (_, i) => (i % 7) / 7);
  const y = Array.from({ length: 40 }, (_, i) => i % 2);
  const t = taskFromArrays({ name: "toy", x, y, classes: ["a", "b"], inputShape: [4], seed: 0 });
  // Default headfit: min(5, ⌊20 / 5⌋) = 4 per class; the other 32 split 60/20/20.
  assert.equal(t.splits.headfit.n, 8);
  assert.deepEqual([t.splits.train.n, t.splits.val.n, t.splits.test.n], [20, 6, 6]);
  assert.deepEqual(t.concepts, ["toy:a", "toy:b"]);
  assert.throws(() => taskFromArrays({ name: "toy", x, y: y.map((v) => v * 2), classes: ["a", "b"], inputShape: [4], seed: 0 }), /label of example 1 in toy = 2/);
  const nan = Float32Array.from(x); nan[9] = NaN;
  assert.throws(() => taskFromArrays({ name: "toy", x: nan, y, classes: ["a", "b"], inputShape: [4], seed: 0 }), /feature 1 of example 2 in toy = NaN/);
  assert.throws(() => taskFromArrays({ name: "toy", x, y, classes: ["a", "b"], inputShape: [5], seed: 0 }), /x.length/);
  assert.throws(() => taskFromArrays({ name: "toy", x, y, classes: ["a", "b", "c"], inputShape: [4], seed: 0 }), /class "c"/);
  assert.throws(() => taskFromArrays({ name: "toy", x, y, classes: ["a", "b"], inputShape: [4], seed: 0, sizes: { train: 1000 } }), InvalidArgumentError);
});

test("taskFromCSV (real: scikit-learn's digits.csv.gz) and makeSuite checks one input space", () => {
  const file = path.join(__dirname, "..", "..", "..", "data", "raw", "sklearn", "digits.csv.gz");
  const digits = taskFromCSV(file, { labelColumn: 64, name: "optdigits", inputShape: [8, 8, 1], seed: 2 });
  assert.deepEqual(digits.classes, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  assert.equal(digits.splits.train.n + digits.splits.val.n + digits.splits.test.n + digits.splits.headfit.n, 1797);
  const csv = path.join(tmp, "t.csv");
  fs.writeFileSync(csv, 'f1,f2,label\n1,2,"x"\n3,4,y\n5,oops,x\n');
  assert.throws(() => taskFromCSV(csv, { labelColumn: "label" }), /row 4, column f2/);
  assert.throws(() => taskFromCSV(csv, { labelColumn: "klass" }), /one of f1, f2, label/);
  const a = taskFromArrays({ name: "a", x: new Float32Array(40 * 4), y: Array.from({ length: 40 }, (_, i) => i % 2), classes: ["p", "q"], inputShape: [4], concepts: ["shared", "a:q"], seed: 0 });
  const b = taskFromArrays({ name: "b", x: new Float32Array(40 * 4), y: Array.from({ length: 40 }, (_, i) => i % 2), classes: ["p", "r"], inputShape: [4], concepts: ["shared", "b:r"], seed: 0 });
  assert.deepEqual(makeSuite("ab", [a, b]).concepts, ["shared", "a:q", "b:r"]);
  assert.throws(() => makeSuite("mixed", [a, digits]), LayoutMismatchError);
  assert.throws(() => makeSuite("dup", [a, a]), /distinct task names/);
});

test("taskFromTextFolder featurises .txt files into the text space", () => {
  const dir = path.join(tmp, "texts");
  const words = { ham: "meeting lunch project report schedule", spam: "winner free money prize click" };
  for (const [c, w] of Object.entries(words)) {
    fs.mkdirSync(path.join(dir, c), { recursive: true });
    for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(dir, c, `${i}.txt`), `${w.split(" ")[i % 5]} ${w.split(" ")[(i + 2) % 5]} note ${i}`);
  }
  const t = taskFromTextFolder(dir, { dim: 256, seed: 0 });
  assert.deepEqual(t.classes, ["ham", "spam"]);
  assert.deepEqual(t.inputShape, [256]);
  const norm = Math.hypot(...t.splits.train.x.subarray(0, 256));
  assert.ok(Math.abs(norm - 1) < 1e-4, "rows are L2-normalised features");
});
