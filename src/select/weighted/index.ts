export * from "./simplex-search";
