import { fashionMnistSpec } from "./fashion-mnist";
import { hersheyDigitsSpec } from "./hershey";
import { mnistSpec } from "./mnist";
import { QD_ANIMALS, QD_CLOTHING, QD_SHAPES, QD_VEHICLES, quickdrawSpec } from "./qd-groups";
import { VisionTaskSpec } from "./spec";
import { uciDigitsSpec } from "./uci-digits";

/**
 * The vision8 suite, in its fixed order: three digit tasks (MNIST, UCI-Digits, Hershey-Digits share the
 * concepts digit:0–9), two garment tasks (Fashion-MNIST and QD-Clothing share seven garment: concepts),
 * and three further Quick, Draw! groups with private concepts.
 */
export const VISION8_TASKS: readonly VisionTaskSpec[] = [
  mnistSpec, fashionMnistSpec, uciDigitsSpec, hersheyDigitsSpec,
  quickdrawSpec(QD_CLOTHING), quickdrawSpec(QD_SHAPES), quickdrawSpec(QD_ANIMALS), quickdrawSpec(QD_VEHICLES),
];
