/**
 * A subplot's title: a Plotly annotation centred at `x` (paper coordinates) just above the plotting area.
 * Figures with side-by-side panels put one over each.
 *
 * @example
 * layout.annotations = [panelTitle("normalised regret (lower is better)", 0.22), panelTitle("test accuracy (%)", 0.78)];
 */
export function panelTitle(text: string, x: number, fontSize = 13): Record<string, unknown> {
  return {
    text,
    x,
    y: 1,
    xref: "paper",
    yref: "paper",
    xanchor: "center",
    yanchor: "bottom",
    showarrow: false,
    font: { size: fontSize },
  };
}
