export * from "./connection";
export * from "./errors";
export * from "./protocol";
export * from "./code-hash";
export * from "./queue-runner";
export * from "./queue-worker";
export * from "./queue-status";
export * from "./worker-context";
