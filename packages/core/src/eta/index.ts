export * from "./eta";
