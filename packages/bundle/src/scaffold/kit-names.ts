import { snake } from "../generate/kit-bundle.ts";

/** The names a new kit needs, all derived from its kebab-case id. */
export interface KitNames {
  kit: string;
  /** Postgres schema and UC names: `field-service` → `field_service`. */
  schema: string;
  /** TypeScript identifiers: `field-service` → `fieldService`. */
  camel: string;
  title: string;
  port: number;
}

const KIT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Validates a new kit id and derives its names; the port is the next one after the kits that exist. */
export function kitNames(
  kit: string,
  options: { title?: string; port?: number; usedPorts: readonly number[] },
): KitNames {
  if (!KIT_ID.test(kit)) {
    throw new Error(
      `Kit id "${kit}" must be kebab-case (lowercase words joined by hyphens), e.g. field-service.`,
    );
  }
  // App names are `<kit>-<target>` and must stay within Databricks' 30 characters ("-staging" is the longest suffix).
  if (kit.length > 22)
    throw new Error(
      `Kit id "${kit}" is too long: keep it to 22 characters so "${kit}-staging" fits an app name.`,
    );
  const port = options.port ?? Math.max(3100, ...options.usedPorts) + 1;
  if (options.usedPorts.includes(port))
    throw new Error(`Port ${port} is taken by another kit: pass a free one with --port.`);
  const words = kit.split("-");
  return {
    kit,
    schema: snake(kit),
    camel: words
      .map((word, index) => (index === 0 ? word : `${word[0]?.toUpperCase()}${word.slice(1)}`))
      .join(""),
    title: options.title ?? words.map((word) => `${word[0]?.toUpperCase()}${word.slice(1)}`).join(" "),
    port,
  };
}
