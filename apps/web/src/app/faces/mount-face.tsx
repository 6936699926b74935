import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { ReactNode } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";
import { languageReady } from "../../lib/i18n";
import { AppProvider } from "../provider";
import { OtherFaceOrNotFound } from "./other-face";
import type { Face } from "./face-of-path";
import "../../index.css";

function render(app: ReactNode): void {
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from the page");
  createRoot(root).render(
    <StrictMode>
      <AppProvider>{app}</AppProvider>
    </StrictMode>,
  );
}

/** Renders one face's routes; a path of another face is loaded as that face's page. */
export function mountFace(face: Face, routes: RouteObject[]): void {
  const router = createBrowserRouter([
    ...routes,
    { path: "*", element: <OtherFaceOrNotFound face={face} /> },
  ]);
  // The visitor's language first (one download at most), then the page.
  void languageReady().then(() => render(<RouterProvider router={router} />));
}
