export * from "./runner";
export * from "./local/local-runner";
export * from "./queue/index";
