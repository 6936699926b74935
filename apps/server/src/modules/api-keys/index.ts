// The API keys module's entry: the admin routes that manage a company's keys.
export { apiKeyRoutes } from "./api-key.routes";
