export * from "./queue-views";
export * from "./devices";
export * from "./setup";
export * from "./portal";
export * from "./booking";
export * from "./customer";
export * from "./companies";
