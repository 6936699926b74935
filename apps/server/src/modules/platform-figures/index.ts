// The platform figures module's entry (its routes are mounted by app.ts).
export { platformFigureRoutes } from "./platform-figures.routes";
