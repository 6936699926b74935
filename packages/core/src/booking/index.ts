export * from "./local-time";
export * from "./opening-hours";
export * from "./booking-slots";
export * from "./check-in";
