export * from "./queue-views";
export * from "./devices";
