import { queueMetrics } from "@appbase/queue/metrics";
import { kitInstrumentation } from "@appbase/telemetry/node";
import kit from "../kit.ts";

export const register = kitInstrumentation(kit.id, queueMetrics);
