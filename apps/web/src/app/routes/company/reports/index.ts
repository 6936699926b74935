// The dashboard and reports pages: a route of their own, so the set-up panel does not grow.
export { FloorPage } from "./floor-page";
export { ReportsPage } from "./reports-page";
