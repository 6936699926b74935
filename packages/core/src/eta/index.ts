export * from "./eta";
export * from "./customer-wait";
