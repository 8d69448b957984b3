export * from "./fsum";
export * from "./ranks";
export * from "./pearson";
export * from "./spearman";
export * from "./kendall";
export * from "./mean-spread";
export * from "./rank-of";
export * from "./bootstrap";
