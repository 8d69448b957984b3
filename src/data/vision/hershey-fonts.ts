import * as fs from "fs";
import * as path from "path";
import { CorruptFileError, UnknownNameError } from "../../util/errors";
import { packageDir } from "../sources";

/** A stroke: a polyline of [x, y] points (y grows downwards). */
export type Stroke = Array<[number, number]>;

/**
 * The 16 distinct digit designs in the npm package hersheytext: 7 Hershey fonts from hersheytext.json
 * (fonts whose digits are copies of these — cursive, greek, timesi, cyrillic, … — are left out) and
 * the 9 EMS single-stroke SVG fonts. `svg` marks SVG fonts (y grows upwards there).
 */
export const HERSHEY_FONTS: ReadonlyArray<{ readonly name: string; readonly svg?: string }> = [
  { name: "futural" }, { name: "futuram" }, { name: "gothiceng" }, { name: "scripts" }, { name: "timesr" }, { name: "timesib" }, { name: "timesrb" },
  { name: "ems_allure", svg: "EMSAllure.svg" }, { name: "ems_elfin", svg: "EMSElfin.svg" }, { name: "ems_felix", svg: "EMSFelix.svg" },
  { name: "ems_nixish", svg: "EMSNixish.svg" }, { name: "ems_nixish_italic", svg: "EMSNixishItalic.svg" }, { name: "ems_osmotron", svg: "EMSOsmotron.svg" },
  { name: "ems_readability", svg: "EMSReadability.svg" }, { name: "ems_readability_italic", svg: "EMSReadabilityItalic.svg" }, { name: "ems_tech", svg: "EMSTech.svg" },
];

/**
 * Parse an SVG path made of M/L commands ("M6,5 L8,4 11,1" or "M 444 665 L 403 592") into strokes.
 *
 * @example
 * parseStrokePath("M0,0 L1,1 2,0"); // [[[0,0],[1,1],[2,0]]]
 */
export function parseStrokePath(d: string, flipY = false): Stroke[] {
  const tokens = d.match(/[MLml]|-?\d*\.?\d+(?:[eE][-+]?\d+)?/g) ?? [];
  const strokes: Stroke[] = [];
  let cur: Stroke | undefined;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (t === "M" || t === "m") { cur = []; strokes.push(cur); i++; continue; }
    if (t === "L" || t === "l") { i++; continue; }
    if (!cur || i + 1 >= tokens.length) throw new CorruptFileError("hersheytext glyph", `path ${JSON.stringify(d.slice(0, 60))} has a coordinate outside a stroke`);
    const x = Number(tokens[i]), y = Number(tokens[i + 1]);
    cur.push([x, flipY ? -y : y]);
    i += 2;
  }
  return strokes.filter((s) => s.length > 0);
}

const memo = new Map<string, Stroke[][]>();

/**
 * The ten digit glyphs ("0"…"9") of a font in HERSHEY_FONTS, as strokes with y downwards.
 *
 * @example
 * hersheyDigits("futural")[1]; // the strokes of "1"
 */
export function hersheyDigits(font: string): Stroke[][] {
  const hit = memo.get(font);
  if (hit) return hit;
  const spec = HERSHEY_FONTS.find((f) => f.name === font);
  if (!spec) throw new UnknownNameError("Hershey font", font, HERSHEY_FONTS.map((f) => f.name));
  const dir = packageDir("hersheytext", "2.0.0");
  let digits: Stroke[][];
  if (spec.svg) {
    const file = path.join(dir, "svg_fonts", spec.svg);
    const text = fs.readFileSync(file, "utf8");
    digits = "0123456789".split("").map((c) => {
      const m = new RegExp(`<glyph[^>]*unicode="${c}"[^>]*\\sd="([^"]*)"`).exec(text);
      if (!m) throw new CorruptFileError(file, `no glyph for digit ${c}`);
      return parseStrokePath(m[1], true);
    });
  } else {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const fonts = require(path.join(dir, "hersheytext.json")) as Record<string, { chars: Array<{ d: string }> }>;
    digits = "0123456789".split("").map((c) => parseStrokePath(fonts[font].chars[c.charCodeAt(0) - 33].d));
  }
  memo.set(font, digits);
  return digits;
}
