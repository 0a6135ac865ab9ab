"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Re-renders the page's server components (no reload; form fields keep what was typed) whenever the
 * fingerprint `src` returns differs from `version`, the one the page was rendered from (read before its
 * data); polls every `intervalMs` while the tab is visible. Comparing with the render's own version,
 * not with the first poll, catches a change made between the render and the page's hydration.
 */
export function LiveRefresh({
  src,
  version,
  intervalMs = 2_000,
}: {
  src: string;
  version: string;
  intervalMs?: number;
}) {
  const router = useRouter();
  const last = useRef(version);
  useEffect(() => {
    last.current = version;
  }, [version]);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(src, { cache: "no-store" });
        if (!response.ok) return;
        // A kit route answers { ok, data }.
        const latest = ((await response.json()) as { data?: { version?: unknown } }).data?.version;
        if (stopped || typeof latest !== "string") return;
        if (latest !== last.current) router.refresh();
        last.current = latest;
      } catch {
        // Offline or the server restarting: the next poll tries again.
      }
    };
    void poll();
    const timer = setInterval(poll, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [src, intervalMs, router]);
  return <span hidden data-testid="live-refresh" />;
}
