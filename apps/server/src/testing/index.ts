export * from "./factories";
export * from "./test-platform";
export * from "./setup-factories";
export * from "./queue-factories";
export * from "./customer-factories";
