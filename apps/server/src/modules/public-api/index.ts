// The public API module's entry: /api/v1 for a company's own systems (mounted by app.ts).
export { publicApiRoutes } from "./v1.routes";
export { v1OpenApi } from "./v1-openapi";
