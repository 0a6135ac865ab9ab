import { DatabricksApiError } from "./errors.ts";

export interface RetryPolicy {
  /** Tries in all, the first included (default 4). */
  attempts: number;
  /** First backoff step (default 500 ms); doubles per retry, with jitter. */
  baseDelayMs: number;
  /** Longest single wait, including a server's Retry-After (default 30 s). A longer Retry-After gives up. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Statuses that mean "refused before any work, try again": the Go SDK's retriable set (§0.3). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The wait before retry number `retry` (1-based): the server's Retry-After when given, else jittered backoff. */
export function backoffMs(retry: number, policy: RetryPolicy, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

/**
 * Runs `call`, retrying when it throws a DatabricksApiError with HTTP 429 or 503. Only for calls that
 * are safe to repeat: the caller decides. Gives up with a `retries-exhausted` error naming the tries.
 */
export async function withRetries<T>(
  operation: string,
  overrides: Partial<RetryPolicy> | undefined,
  call: () => Promise<T>,
): Promise<T> {
  const policy = { ...DEFAULT_RETRY, ...overrides };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof DatabricksApiError) || !RETRYABLE_STATUSES.has(error.status)) throw error;
      const wait = backoffMs(attempt, policy, error.retryAfterMs);
      const tooLong = wait > policy.maxDelayMs;
      if (attempt >= policy.attempts || tooLong) {
        throw new DatabricksApiError({
          operation,
          kind: "retries-exhausted",
          status: error.status,
          errorCode: error.errorCode,
          serverMessage: tooLong
            ? `the server asked to wait ${Math.ceil(wait / 1000)} s (more than the ${Math.ceil(policy.maxDelayMs / 1000)} s this app waits): ${error.serverMessage}`
            : `still refused after ${attempt} tries: ${error.serverMessage}`,
          details: error.details,
          hint: error.hint,
          retryAfterMs: error.retryAfterMs,
        });
      }
      await policy.sleep(wait);
    }
  }
}
