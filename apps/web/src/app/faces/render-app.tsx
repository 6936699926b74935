import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { languageReady } from "../../lib/i18n";
import "../../index.css";

/**
 * Renders a face into #root once the visitor's language is loaded (one download at most). The
 * face brings its own providers: the routed faces TanStack Query and toasts (`AppProvider`),
 * the device screens nothing more, to stay inside their download budget.
 */
export function renderApp(app: ReactNode): void {
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from the page");
  void languageReady().then(() => createRoot(root).render(<StrictMode>{app}</StrictMode>));
}
