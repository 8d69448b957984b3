export { rankedMasks } from "./ranked-masks";
export { topOrder } from "./top";
export { sizesOrder } from "./sizes";
export { portfolioOrder } from "./portfolio";
export { adaptiveNext, adaptiveOrder, type VerifiedScore } from "./adaptive";
export { randomBestOfK } from "./random-best-of-k";
export {
  checkVerifyCount,
  DEFAULT_SHORTLIST,
  SHORTLIST_STRATEGIES,
  shortlistOrder,
  shortlistStrategy,
  type ShortlistInput,
  type ShortlistStrategy,
} from "./strategy";
