import type { RouteObject } from "react-router";

const operator = () => import("./index");

/**
 * The operator workplace, mounted beside the company admin pages under `/c/:slug` (or the host
 * root). A customer's live ticket (`t/:token`) belongs to the public face (`faces/portal-routes`).
 */
export const operatorRoutes: RouteObject[] = [
  { path: "operator", lazy: async () => ({ Component: (await operator()).OperatorPage }) },
];
