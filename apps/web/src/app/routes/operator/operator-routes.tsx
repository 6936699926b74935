import type { RouteObject } from "react-router";

const operator = () => import("./index");

/** Operator workplace, mounted beside the company admin pages under `/c/:slug` (or the host root). */
export const operatorRoutes: RouteObject[] = [
  { path: "operator", lazy: async () => ({ Component: (await operator()).OperatorPage }) },
];
