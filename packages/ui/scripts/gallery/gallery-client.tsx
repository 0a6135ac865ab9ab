import { hydrateRoot } from "react-dom/client";
import { GalleryPage } from "./gallery-page.tsx";

// Hydrates the server markup so charts draw and client components (counter, submit) come alive.
const root = document.getElementById("gallery-root");
if (root) {
  hydrateRoot(root, <GalleryPage />, {
    onRecoverableError: (error) => console.error("hydration:", error),
  });
}
