export * from "./erlang";
