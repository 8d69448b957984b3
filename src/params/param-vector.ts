import { InvalidArgumentError, NonFiniteError } from "../util/errors";
import { ParamLayout } from "./layout";

/**
 * All trainable weights of a model as one `Float32Array` plus its layout.
 * A ParamVector owns its data: it never aliases live tfjs variables (copy out, copy in).
 * Treat it as immutable; operators return new vectors.
 *
 * @example
 * const v = ParamVector.zeros(layout);
 * v.view("dense/bias");     // Float32Array view into v.data
 */
export class ParamVector {
  constructor(
    readonly layout: ParamLayout,
    readonly data: Float32Array,
  ) {
    if (data.length !== layout.size) {
      throw new InvalidArgumentError("data.length", data.length, `${layout.size} (the layout's total size)`);
    }
  }

  static zeros(layout: ParamLayout): ParamVector {
    return new ParamVector(layout, new Float32Array(layout.size));
  }

  /** Number of scalar parameters. */
  get size(): number {
    return this.data.length;
  }

  /** A view (not a copy) of the named tensor's elements. */
  view(name: string): Float32Array {
    const e = this.layout.entry(name);
    return this.data.subarray(e.offset, e.offset + e.size);
  }

  /** A deep copy. */
  clone(): ParamVector {
    return new ParamVector(this.layout, new Float32Array(this.data));
  }

  /** Index of the first NaN/±Inf element, or -1. */
  firstNonFinite(): number {
    const d = this.data;
    for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return i;
    return -1;
  }

  /** Throw a NonFiniteError naming the tensor and index of the first NaN/±Inf. */
  assertFinite(context = "parameters"): void {
    const i = this.firstNonFinite();
    if (i < 0) return;
    const e = this.layout.entries.find((x) => i >= x.offset && i < x.offset + x.size)!;
    throw new NonFiniteError(`${context}: ${e.name}[${i - e.offset}] = ${this.data[i]}, expected a finite number`);
  }
}
