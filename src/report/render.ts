import * as fs from "fs";
import { InvalidArgumentError, MissingDependencyError } from "../util/errors";
import { Figure } from "./figure";
import { plotlySource } from "./plotly-lib";

/** Chromium flags that work headless in containers (stack.md §5). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

/** Where Chromium lives: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export interface RenderOptions {
  format?: "png" | "svg";
  /** Pixels (default: layout.width or 800). */
  width?: number;
  /** Pixels (default: layout.height or 500). */
  height?: number;
  /** PNG pixel ratio (default 1). */
  scale?: number;
}

/** A headless Chromium with plotly.js loaded, reused for many figures. Call `close()` when done. */
export interface FigureRenderer {
  render(fig: Figure, options?: RenderOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Launch one Chromium (playwright-core) for static PNG/SVG rendering of Plotly figures.
 * Launch + plotly load takes ~2.5 s; each figure then ~0.3 s.
 *
 * @example
 * const r = await openFigureRenderer();
 * try { fs.writeFileSync("fig.png", await r.render(fig)); } finally { await r.close(); }
 */
export async function openFigureRenderer(): Promise<FigureRenderer> {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) {
    throw new MissingDependencyError(
      `chromium (${exe})`,
      "apt-get install -y --no-install-recommends chromium  (or set CHROMIUM_PATH)",
    );
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<div id="g"></div>');
    await page.addScriptTag({ content: plotlySource() });
    let closed = false;
    return {
      async render(fig: Figure, options: RenderOptions = {}): Promise<Buffer> {
        if (closed) throw new InvalidArgumentError("renderer", "closed", "an open FigureRenderer");
        if (!fig || !Array.isArray(fig.data))
          throw new InvalidArgumentError("fig", fig, "a Plotly figure { data: [...], layout: {...} }");
        const format = options.format ?? "png";
        if (format !== "png" && format !== "svg") throw new InvalidArgumentError("format", format, '"png" or "svg"');
        const width = options.width ?? (typeof fig.layout?.width === "number" ? fig.layout.width : 800);
        const height = options.height ?? (typeof fig.layout?.height === "number" ? fig.layout.height : 500);
        const uri: string = await page.evaluate(
          async ({ fig, o }) => {
            const P = (globalThis as any).Plotly; // no DOM lib in this project: go through globalThis
            const el = (globalThis as any).document.getElementById("g");
            P.purge(el);
            await P.newPlot(
              el,
              fig.data,
              { ...(fig.layout || {}), width: o.width, height: o.height },
              { staticPlot: true },
            );
            return P.toImage(el, { format: o.format, width: o.width, height: o.height, scale: o.scale });
          },
          { fig, o: { format, width, height, scale: options.scale ?? 1 } },
        );
        return format === "svg"
          ? Buffer.from(decodeURIComponent(uri.replace(/^data:image\/svg\+xml,/, "")), "utf8")
          : Buffer.from(uri.slice(uri.indexOf(",") + 1), "base64");
      },
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        await browser.close();
      },
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * Render one figure (launches and closes a browser: ~3 s; use `openFigureRenderer` for many).
 *
 * @example
 * fs.writeFileSync("fig.svg", await renderFigure(fig, { format: "svg" }));
 */
export async function renderFigure(fig: Figure, options: RenderOptions = {}): Promise<Buffer> {
  const r = await openFigureRenderer();
  try {
    return await r.render(fig, options);
  } finally {
    await r.close();
  }
}
