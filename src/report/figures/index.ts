export type { ScatterOptions } from "./common";
export { PALETTE } from "./common";
export { correlationOverview } from "./correlation-overview";
export type { PanelOptions } from "./per-target-panels";
export { perTargetPanels, similarityPanels } from "./per-target-panels";
export { topMixturesChart } from "./top-mixtures";
