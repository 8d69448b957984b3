/** Number formats of the terminal summaries: "–" wherever a value is missing or not finite. */

/** A fraction as percent with one decimal: pct(0.8134) → "81.3". */
export const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : "–");

/** A number with `digits` decimals: fixed(0.41234, 3) → "0.412"; fixed(null) → "–". */
export const fixed = (x: number | null, digits = 2): string => (x !== null && Number.isFinite(x) ? x.toFixed(digits) : "–");
