import * as fs from "fs";
import { MissingDependencyError } from "../../util/errors";
import { RawPool } from "../prepare";
import { debianVersion } from "../sources";
import { readIdxPool } from "./mnist";
import { poolTaskSpec, VisionTaskSpec } from "./spec";

/** Where Debian's dataset-fashion-mnist installs its files. */
export const FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

/** Fashion-MNIST class names in label order. */
export const FASHION_CLASSES: readonly string[] = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

/**
 * Concepts: the seven garments Quick, Draw! also has share a "garment:" id with QD-Clothing
 * (T-shirt/top~t-shirt, Trouser~pants, Pullover~sweater, Coat~jacket, Sandal~flip flops, Sneaker~shoe,
 * Bag~purse); Dress, Shirt and Ankle boot are private ("fashion-mnist:…").
 */
export const FASHION_CONCEPTS: readonly string[] = [
  "garment:t-shirt", "garment:trousers", "garment:sweater", "fashion-mnist:dress", "garment:coat",
  "garment:sandal", "fashion-mnist:shirt", "garment:shoe", "garment:bag", "fashion-mnist:ankle-boot",
];

let cached: RawPool | undefined;

/**
 * All 70,000 Fashion-MNIST images from Debian's dataset-fashion-mnist (gzipped IDX), official test part last.
 *
 * @example
 * loadFashionMnistPool(FASHION_MNIST_DIR).n; // 70000
 * @throws MissingDependencyError naming `apt-get install -y dataset-fashion-mnist` when absent.
 */
export function loadFashionMnistPool(dir = FASHION_MNIST_DIR): RawPool {
  if (cached && dir === FASHION_MNIST_DIR) return cached;
  if (!fs.existsSync(`${dir}/train-images-idx3-ubyte.gz`)) {
    throw new MissingDependencyError(`Fashion-MNIST (Debian package dataset-fashion-mnist, expected in ${dir})`, "apt-get install -y dataset-fashion-mnist");
  }
  const pool = readIdxPool(dir, { trainImages: "train-images-idx3-ubyte.gz", trainLabels: "train-labels-idx1-ubyte.gz", testImages: "t10k-images-idx3-ubyte.gz", testLabels: "t10k-labels-idx1-ubyte.gz" });
  if (dir === FASHION_MNIST_DIR) cached = pool;
  return pool;
}

/** Fashion-MNIST (Zalando, MIT): garment photos; test examples from the official test set. */
export const fashionMnistSpec: VisionTaskSpec = poolTaskSpec({
  name: "fashion-mnist", title: "Fashion-MNIST", classes: FASHION_CLASSES, concepts: FASHION_CONCEPTS,
  source: () => ({ package: "debian:dataset-fashion-mnist", version: debianVersion("dataset-fashion-mnist"), licence: "MIT (Zalando SE)" }),
  pool: () => loadFashionMnistPool(),
});
