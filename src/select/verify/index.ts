export * from "./ranked-masks";
export * from "./top";
export * from "./sizes";
export * from "./portfolio";
export * from "./adaptive";
export * from "./random-best-of-k";
export * from "./strategy";
