/**
 * A Plotly figure spec: plain JSON (data traces + layout + config), rendered inline, in a static page
 * or to PNG/SVG. Kept loose on purpose: Plotly's own types are not installed.
 */
export interface Figure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}
