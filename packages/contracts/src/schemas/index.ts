export * from "./queue-views";
