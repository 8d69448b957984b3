export * from "./runner";
export * from "./local-runner";
export * from "./queue/index";
