// User datasets described by a JSON/YAML config or a --data list: parsed, checked, loaded as a suite.
import { after, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  checkImageFolderSizes, datasetsFromList, encodePng, loadSuite, readDatasetConfig, registerDatasetSuite, suiteNames,
} from "../../../src/data";
import "../../../src/data/synthetic/suite";
import { CorruptFileError, InvalidArgumentError, LayoutMismatchError } from "../../../src/util/errors";
import { Rng } from "../../../src/util/rng";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "m2m-config-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (rel: string, text: string | Buffer): string => {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
};

/** A CSV of `n` rows: 3 numeric features, label "a" or "b" (separable on x0). */
function csv(rel: string, n: number, seed: number, bad?: string): string {
  const rng = new Rng(seed);
  const rows = ["x0,x1,x2,label"];
  for (let i = 0; i < n; i++) { const y = i % 2; rows.push(`${(y * 2 + rng.normal()).toFixed(3)},${rng.normal().toFixed(3)},${rng.normal().toFixed(3)},${y ? "b" : "a"}`); }
  if (bad) rows.splice(5, 1, bad);
  return write(rel, rows.join("\n") + "\n");
}

/** An image folder with two classes of `side`×`side` PNGs (one image may get another size). */
function images(rel: string, side: number, odd?: number): string {
  const rng = new Rng(side);
  for (const c of ["circle", "cross"]) {
    for (let i = 0; i < 15; i++) {
      const s = odd !== undefined && c === "cross" && i === 7 ? odd : side;
      write(`${rel}/${c}/${String(i).padStart(2, "0")}.png`, encodePng(Uint8Array.from({ length: s * s }, () => rng.int(256)), s, s, 1));
    }
  }
  return path.join(tmp, rel);
}

describe("dataset configs", () => {
  csv("cfg/a.csv", 60, 1);
  csv("cfg/b.csv", 60, 2);
  it("a YAML config: paths relative to the file, the suite named after it, loadable with split sizes", async () => {
    const file = write("cfg/my-data.yaml", "tasks:\n  - name: alpha\n    csv: a.csv\n  - name: beta\n    csv: b.csv\n    sizes: { train: 30 }\n");
    const cfg = readDatasetConfig(file);
    assert.equal(cfg.name, "my-data");
    assert.equal(cfg.tasks[0].csv, path.join(tmp, "cfg", "a.csv"));
    const name = registerDatasetSuite(cfg);
    assert.ok(suiteNames().includes(name));
    const suite = await loadSuite(name, { seed: 0 });
    assert.deepEqual(suite.tasks.map((t) => t.name), ["alpha", "beta"]);
    assert.deepEqual(suite.tasks[0].classes, ["a", "b"]);
    assert.equal(suite.tasks[1].splits.train.n, 30);
    assert.deepEqual(suite.inputShape, [3]);
    // the same config as JSON gives the same data; re-registering replaces
    const json = write("cfg/my-data.json", JSON.stringify({ name: "my-data", tasks: [{ name: "alpha", csv: "a.csv" }, { name: "beta", csv: "b.csv", sizes: { train: 30 } }] }));
    registerDatasetSuite(readDatasetConfig(json));
    const again = await loadSuite("my-data", { seed: 0 });
    assert.deepEqual([...again.tasks[1].splits.train.x], [...suite.tasks[1].splits.train.x]);
  });

  it("a config on top of a registered suite (base) adds the user's tasks to its tasks, sharing one input space", async () => {
    const rng = new Rng(5);
    const rows = ["label," + Array.from({ length: 24 }, (_, i) => `f${i}`).join(",")];
    for (let i = 0; i < 80; i++) rows.push(`${i % 4},` + Array.from({ length: 24 }, () => rng.normal().toFixed(3)).join(","));
    write("base/mine.csv", rows.join("\n") + "\n");
    const name = registerDatasetSuite(readDatasetConfig(write("base/with-synthetic.yml", "base: synthetic\ntasks:\n  - { name: mine, csv: mine.csv }\n")));
    const suite = await loadSuite(name, { seed: 0 });
    assert.deepEqual(suite.tasks.map((t) => t.name), ["target", "helper", "conflict", "other-1", "other-2", "mine"]);
    assert.deepEqual(suite.tasks[5].classes, ["0", "1", "2", "3"]);
    // a base whose input space differs is a typed error
    fs.copyFileSync(path.join(tmp, "cfg/a.csv"), path.join(tmp, "base/a.csv"));   // a config's paths stay inside its folder
    registerDatasetSuite(readDatasetConfig(write("base/bad.yml", "name: mixed\nbase: synthetic\ntasks:\n  - { name: alpha, csv: a.csv }\n")));
    await assert.rejects(loadSuite("mixed", { seed: 0 }), LayoutMismatchError);
  });

  it("--data NAME=PATH lists: CSV files and folders (images or text) by what they hold", async () => {
    images("list/imgs", 16);
    for (const c of ["pos", "neg"]) for (let i = 0; i < 12; i++) write(`list/texts/${c}/${i}.txt`, `${c} words ${i} ${c === "pos" ? "good fine" : "bad poor"}`);
    const cfg = datasetsFromList(`pics=${path.join(tmp, "list/imgs")},words=${path.join(tmp, "list/texts")},tab=${path.join(tmp, "cfg/a.csv")}`, { name: "listed" });
    assert.deepEqual(cfg.tasks.map((t) => [t.name, t.images ? "images" : t.text ? "text" : "csv"]), [["pics", "images"], ["words", "text"], ["tab", "csv"]]);
    const imgSuite = await loadSuite(registerDatasetSuite({ ...cfg, name: "pics-only", tasks: [cfg.tasks[0]] }), { seed: 0 });
    assert.deepEqual(imgSuite.tasks[0].inputShape, [28, 28, 1]);
    assert.throws(() => datasetsFromList("noequals"), /NAME=PATH/);
    assert.throws(() => datasetsFromList(`x=${path.join(tmp, "missing.csv")}`), (e: Error) => e instanceof InvalidArgumentError && /missing\.csv/.test(e.message));
  });
});

describe("bad dataset input gets a typed error naming the value", () => {
  it("a config that does not parse", () => {
    assert.throws(() => readDatasetConfig(write("bad/broken.yaml", "tasks: [ {name: a, csv: a.csv\n")), (e: Error) => e instanceof CorruptFileError && /broken\.yaml.*YAML/.test(e.message));
    assert.throws(() => readDatasetConfig(write("bad/broken.json", "{ \"tasks\": [ }")), (e: Error) => e instanceof CorruptFileError && /broken\.json.*JSON/.test(e.message));
  });
  it("a config that names a missing folder or file", () => {
    assert.throws(() => readDatasetConfig(write("bad/missing.yaml", "tasks:\n  - { name: scans, images: no-such-folder/ }\n")),
      (e: Error) => e instanceof InvalidArgumentError && /no-such-folder/.test(e.message) && /scans/.test(e.message));
    assert.throws(() => readDatasetConfig(path.join(tmp, "bad", "absent.yaml")), (e: Error) => e instanceof InvalidArgumentError && /absent\.yaml/.test(e.message));
  });
  it("a config with an unknown key, no source, two sources, or a repeated name", () => {
    csv("bad/a.csv", 20, 3);
    const cases: Array<[string, RegExp]> = [
      ["tasks:\n  - { name: a, csv: a.csv, colour: red }\n", /colour/],
      ["tasks:\n  - { name: a }\n", /exactly one of csv/],
      ["tasks:\n  - { name: a, csv: a.csv, images: . }\n", /exactly one of csv/],
      ["tasks:\n  - { name: a, csv: a.csv }\n  - { name: a, csv: a.csv }\n", /distinct dataset names/],
      ["tasks: []\n", /non-empty list/],
      ["tasks:\n  - { name: a, csv: a.csv, sizes: { train: -1 } }\n", /sizes\.train/],
    ];
    cases.forEach(([text, re], i) => assert.throws(() => readDatasetConfig(write(`bad/c${i}.yaml`, text)), (e: Error) => e instanceof InvalidArgumentError && re.test(e.message), text));
  });
  it("an image folder with mixed sizes", async () => {
    const dir = images("bad/mixed", 16, 20);
    assert.throws(() => checkImageFolderSizes(dir), (e: Error) => e instanceof InvalidArgumentError && /cross\/07\.png/.test(e.message) && /20×20/.test(e.message) && /16×16/.test(e.message));
    const name = registerDatasetSuite(readDatasetConfig(write("bad/mixed.yaml", "tasks:\n  - { name: mixed, images: mixed }\n")));
    await assert.rejects(loadSuite(name, { seed: 0 }), /20×20/);
    assert.deepEqual(checkImageFolderSizes(images("bad/even", 12)), [12, 12]);
  });
  it("a CSV with a non-numeric feature", async () => {
    csv("bad/words.csv", 30, 4, "1.0,high,0.5,a");
    const name = registerDatasetSuite(readDatasetConfig(write("bad/words.yaml", "tasks:\n  - { name: words, csv: words.csv }\n")));
    await assert.rejects(loadSuite(name, { seed: 0 }), (e: Error) => e instanceof InvalidArgumentError && /row 6, column x1/.test(e.message) && /high/.test(e.message));
  });
});
