import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";
import { PageSpinner } from "../../components/ui/spinner";
import { AppProvider } from "../provider";
import { OtherFaceOrNotFound } from "./other-face";
import type { Face } from "@equeue/contracts";
import { renderApp } from "./render-app";

/**
 * Renders one face's routes; a path of another face is loaded as that face's page. While the
 * first page's code arrives (a slow phone), the face shows "loading", not a blank screen.
 */
export function mountFace(face: Face, routes: RouteObject[]): void {
  const router = createBrowserRouter([
    ...routes.map((route) => ({ hydrateFallbackElement: <PageSpinner />, ...route })),
    { path: "*", element: <OtherFaceOrNotFound face={face} /> },
  ]);
  renderApp(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
}
