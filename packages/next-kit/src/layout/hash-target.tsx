"use client";

import { useEffect } from "react";

/**
 * Scrolls to the element the URL's #fragment names once it is shown. Pages stream behind the kit's
 * loading boundary, so on a full load the target may arrive after the browser looked for it (or inside
 * the hidden block React swaps in), and the browser does not look again. Stops once found, when the
 * person scrolls, or after 10 s.
 */
export function HashTarget() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const reveal = () => {
      const target = document.getElementById(id);
      if (!target || target.closest("[hidden]")) return false;
      target.scrollIntoView({ block: "start" });
      return true;
    };
    if (reveal()) return;
    const observer = new MutationObserver(() => {
      if (reveal()) stop();
    });
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener("wheel", stop);
      window.removeEventListener("keydown", stop);
    };
    const timer = setTimeout(stop, 10_000);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["hidden"],
    });
    window.addEventListener("wheel", stop, { once: true });
    window.addEventListener("keydown", stop, { once: true });
    return stop;
  }, []);
  return null;
}
