// Vision sources: one file per source; vision8 assembles them.
export * from "./spec";
export * from "./mnist";
export * from "./fashion-mnist";
export * from "./uci-digits";
export * from "./quickdraw";
export * from "./qd-groups";
export * from "./hershey-fonts";
export * from "./stroke-raster";
export * from "./hershey";
export * from "./vision8";
export * from "./pretrain";
export * from "./vision14";
