/**
 * Panel grids that wrap: a figure of n small panels records its grid in `layout.meta.m2mGrid`, and the axis
 * domains, panel titles and height are laid out for a given width — as many columns as fit (at most
 * `columns`), more rows when the column is narrow. The figure specs lay themselves out for their export
 * width with `applyPanelGrid`; inline, `figureHtml` runs the same layout (`PANEL_GRID_JS`, the same function
 * in plain JavaScript, kept equal by a test) for the container's width, again on every resize.
 */

/** What a wrapping panel grid needs to know (plain JSON, carried in layout.meta.m2mGrid). */
export interface PanelGrid {
  /** Panels, in reading order; panel k uses xaxis{k+1} / yaxis{k+1} ("xaxis" for k = 0). */
  n: number;
  /** Most columns (what a wide page shows). */
  columns: number;
  /** A column is added only while each panel keeps at least this many pixels. */
  minPanelWidth: number;
  /** Pixels of one panel's plotting area, and between rows (room for the x-axis title and the next panel title). */
  panelHeight: number;
  vgapPx: number;
  /** Pixels between columns (room for the y-axis title and tick labels). */
  gapPx: number;
  /** Index into layout.annotations of each panel's title (−1: none). */
  titles: number[];
}

type Layout = Record<string, unknown>;

/** Two panels side by side that stack when the column is narrower than two 300-px panels (annotations 0 and 1 title them). */
export const TWO_PANELS: PanelGrid = {
  n: 2,
  columns: 2,
  minPanelWidth: 300,
  panelHeight: 290,
  vgapPx: 150,
  gapPx: 90,
  titles: [0, 1],
};

/** The columns a grid gets at `width` pixels (the whole figure, margins included). */
export function panelColumns(grid: PanelGrid, width: number, margin: { l?: number; r?: number } = {}): number {
  const plot = width - (margin.l ?? 80) - (margin.r ?? 80);
  let cols = Math.min(grid.columns, grid.n);
  while (cols > 1 && (plot - grid.gapPx * (cols - 1)) / cols < grid.minPanelWidth) cols--;
  return Math.max(1, cols);
}

/**
 * The layout laid out for `width` pixels: the axis domains and panel-title positions of every panel and the
 * height, from `layout.meta.m2mGrid` (a layout without one is returned as is). Pure: returns a new layout.
 *
 * @example
 * const wide = applyPanelGrid(fig.layout, 1280), narrow = applyPanelGrid(fig.layout, 600);   // 4 columns vs 2
 */
export function applyPanelGrid(layout: Layout, width: number): Layout {
  const meta = layout.meta as { m2mGrid?: PanelGrid } | undefined;
  const g = meta?.m2mGrid;
  if (!g) return layout;
  const margin = (layout.margin ?? {}) as { l?: number; r?: number; t?: number; b?: number };
  const cols = panelColumns(g, width, margin);
  const rows = Math.max(1, Math.ceil(g.n / cols));
  const plotW = Math.max(1, width - (margin.l ?? 80) - (margin.r ?? 80));
  const plotH = rows * g.panelHeight + (rows - 1) * g.vgapPx;
  const gap = cols > 1 ? g.gapPx / plotW : 0,
    vgap = rows > 1 ? g.vgapPx / plotH : 0;
  const w = (1 - gap * (cols - 1)) / cols,
    h = (1 - vgap * (rows - 1)) / rows;
  const out: Layout = { ...layout, height: plotH + (margin.t ?? 100) + (margin.b ?? 80) };
  const notes = Array.isArray(layout.annotations) ? (layout.annotations as Layout[]).map((a) => ({ ...a })) : [];
  for (let k = 0; k < g.n; k++) {
    const r = Math.floor(k / cols),
      c = k % cols,
      s = k === 0 ? "" : String(k + 1);
    const x0 = c * (w + gap),
      y1 = 1 - r * (h + vgap);
    out[`xaxis${s}`] = { ...(layout[`xaxis${s}`] as Layout), domain: [x0, x0 + w] };
    out[`yaxis${s}`] = { ...(layout[`yaxis${s}`] as Layout), domain: [y1 - h, y1] };
    const t = g.titles[k];
    if (t !== undefined && t >= 0 && notes[t]) {
      notes[t].x = x0 + w / 2;
      notes[t].y = y1;
    }
  }
  if (notes.length) out.annotations = notes;
  return out;
}

/** `applyPanelGrid` (with `panelColumns`) as plain JavaScript for the page: defines `m2mPanelGrid(layout, width)`. */
export const PANEL_GRID_JS = `function m2mPanelGrid(layout,width){
var g=layout.meta&&layout.meta.m2mGrid;if(!g)return layout;
var m=layout.margin||{},ml=m.l==null?80:m.l,mr=m.r==null?80:m.r,mt=m.t==null?100:m.t,mb=m.b==null?80:m.b;
var plot=width-ml-mr,cols=Math.min(g.columns,g.n);while(cols>1&&(plot-g.gapPx*(cols-1))/cols<g.minPanelWidth)cols--;cols=Math.max(1,cols);
var rows=Math.max(1,Math.ceil(g.n/cols)),plotW=Math.max(1,width-ml-mr),plotH=rows*g.panelHeight+(rows-1)*g.vgapPx;
var gap=cols>1?g.gapPx/plotW:0,vgap=rows>1?g.vgapPx/plotH:0,w=(1-gap*(cols-1))/cols,h=(1-vgap*(rows-1))/rows;
var out=Object.assign({},layout,{height:plotH+mt+mb});
var notes=Array.isArray(layout.annotations)?layout.annotations.map(function(a){return Object.assign({},a);}):[];
for(var k=0;k<g.n;k++){var r=Math.floor(k/cols),c=k%cols,s=k===0?"":String(k+1),x0=c*(w+gap),y1=1-r*(h+vgap);
out["xaxis"+s]=Object.assign({},layout["xaxis"+s],{domain:[x0,x0+w]});out["yaxis"+s]=Object.assign({},layout["yaxis"+s],{domain:[y1-h,y1]});
var t=g.titles[k];if(t!==undefined&&t>=0&&notes[t]){notes[t].x=x0+w/2;notes[t].y=y1;}}
if(notes.length)out.annotations=notes;return out;}`;
