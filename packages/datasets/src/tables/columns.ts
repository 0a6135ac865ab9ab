import { date, timestamp } from "drizzle-orm/pg-core";

/** Timestamps are UTC instants; rows carry them as ISO strings (as the generators emit them). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Calendar dates as `YYYY-MM-DD` strings. */
export const day = (name: string) => date(name, { mode: "string" });
