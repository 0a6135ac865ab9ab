"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Re-renders the page's server components (no reload; form fields keep what was typed) whenever the
 * fingerprint `src` returns changes; polls every `intervalMs` while the tab is visible.
 */
export function LiveRefresh({ src, intervalMs = 2_000 }: { src: string; intervalMs?: number }) {
  const router = useRouter();
  const last = useRef<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(src, { cache: "no-store" });
        if (!response.ok) return;
        // A kit route answers { ok, data }.
        const version = ((await response.json()) as { data?: { version?: unknown } }).data?.version;
        if (stopped || typeof version !== "string") return;
        if (last.current !== null && last.current !== version) router.refresh();
        last.current = version;
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
