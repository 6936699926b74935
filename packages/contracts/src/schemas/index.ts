export * from "./queue-views";
export * from "./devices";
export * from "./setup";
