import { InvalidArgumentError, LayoutMismatchError } from "../util/errors";

/** One named tensor inside a flat parameter vector. */
export interface ParamEntry {
  readonly name: string;
  readonly shape: readonly number[];
  /** Index of the first element in the flat vector. */
  readonly offset: number;
  /** Number of elements (product of shape). */
  readonly size: number;
}

/**
 * Where each named tensor lives inside a flat `Float32Array`: names, shapes, offsets.
 * Entries are contiguous and in order; `size` is the total element count.
 *
 * @example
 * const layout = ParamLayout.fromShapes([["dense/kernel", [784, 256]], ["dense/bias", [256]]]);
 * layout.size;                  // 200960
 * layout.entry("dense/bias");   // { name, shape: [256], offset: 200704, size: 256 }
 */
export class ParamLayout {
  readonly entries: readonly ParamEntry[];
  readonly size: number;
  private readonly byName: Map<string, ParamEntry>;

  private constructor(entries: ParamEntry[]) {
    this.entries = entries;
    this.size = entries.reduce((s, e) => s + e.size, 0);
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Build a layout from `[name, shape]` pairs, in order. Names must be unique, dims non-negative integers. */
  static fromShapes(shapes: ReadonlyArray<readonly [string, readonly number[]]>): ParamLayout {
    const entries: ParamEntry[] = [];
    const seen = new Set<string>();
    let offset = 0;
    for (const [name, shape] of shapes) {
      if (typeof name !== "string" || name.length === 0)
        throw new InvalidArgumentError("tensor name", name, "a non-empty string");
      if (seen.has(name)) throw new InvalidArgumentError("tensor name", name, "names unique within a layout");
      seen.add(name);
      for (const d of shape) {
        if (!Number.isInteger(d) || d < 0)
          throw new InvalidArgumentError(`shape of ${name}`, shape, "non-negative integer dimensions");
      }
      const size = shape.reduce((a, b) => a * b, 1);
      entries.push({ name, shape: [...shape], offset, size });
      offset += size;
    }
    return new ParamLayout(entries);
  }

  /** The entry called `name`; throws naming the valid names when absent. */
  entry(name: string): ParamEntry {
    const e = this.byName.get(name);
    if (!e) throw new InvalidArgumentError("tensor name", name, `one of ${this.entries.map((x) => x.name).join(", ")}`);
    return e;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** True when both layouts have the same names, shapes and order. */
  equals(other: ParamLayout): boolean {
    return (
      this === other || (this.entries.length === other.entries.length && this.firstDifference(other) === undefined)
    );
  }

  /** A human-readable description of the first difference to `other`, or undefined when equal. */
  firstDifference(other: ParamLayout): string | undefined {
    const n = Math.max(this.entries.length, other.entries.length);
    for (let i = 0; i < n; i++) {
      const a = this.entries[i],
        b = other.entries[i];
      if (!a) return `extra tensor ${b.name} ${JSON.stringify(b.shape)} at position ${i}`;
      if (!b) return `missing tensor ${a.name} ${JSON.stringify(a.shape)} at position ${i}`;
      if (a.name !== b.name)
        return `tensor ${i} is named ${JSON.stringify(b.name)}, expected ${JSON.stringify(a.name)}`;
      if (a.shape.length !== b.shape.length || a.shape.some((d, j) => d !== b.shape[j])) {
        return `tensor ${a.name} has shape ${JSON.stringify(b.shape)}, expected ${JSON.stringify(a.shape)}`;
      }
    }
    return undefined;
  }

  /** Throw a LayoutMismatchError naming the first difference unless `other` equals this layout. */
  assertSame(other: ParamLayout, context = "parameter layouts"): void {
    const diff = this.firstDifference(other);
    if (diff !== undefined) throw new LayoutMismatchError(`${context} differ: ${diff}`);
  }

  /** Plain JSON form (for safetensors headers and run stores). */
  toJSON(): Array<{ name: string; shape: number[] }> {
    return this.entries.map((e) => ({ name: e.name, shape: [...e.shape] }));
  }

  static fromJSON(json: ReadonlyArray<{ name: string; shape: readonly number[] }>): ParamLayout {
    return ParamLayout.fromShapes(json.map((e) => [e.name, e.shape] as const));
  }
}
