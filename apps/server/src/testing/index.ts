export * from "./factories";
export * from "./test-platform";
