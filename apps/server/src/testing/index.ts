export * from "./factories";
export * from "./test-platform";
export * from "./queue-factories";
