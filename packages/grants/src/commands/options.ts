import { z } from "zod";
import type { KitMatrix } from "../matrix.ts";

/** Options shared by `appbase grants plan | apply | verify`, validated once. */
export const grantsCommandOptionsSchema = z
  .object({
    kit: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, "--kit must be a kit id, e.g. customer-hub")
      .optional(),
    target: z
      .enum(["local", "databricks"], { error: "--target must be local or databricks" })
      .default("local"),
    appPrincipal: z.string().min(1, "--app-principal must not be empty").optional(),
    syncedTableOwner: z.string().min(1).optional(),
    catalog: z.string().min(1, "--catalog must not be empty").default("appbase"),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "--database-url must be a postgres:// URL")
      .optional(),
    prune: z.boolean().optional(),
    only: z
      .enum(["postgres", "unity-catalog", "bundle"], {
        error: "--only must be postgres, unity-catalog or bundle",
      })
      .optional(),
  })
  .refine((o) => o.target === "local" || o.appPrincipal, {
    message:
      "--app-principal is required with --target databricks: pass the app's service principal client id (databricks apps get <app-name>, field service_principal_client_id)",
    path: ["appPrincipal"],
  });

export type GrantsCommandOptions = z.infer<typeof grantsCommandOptionsSchema>;

/** Validates raw CLI options; the error names the flag to fix. */
export function parseGrantsOptions(raw: unknown): GrantsCommandOptions {
  const parsed = grantsCommandOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

/**
 * The matrices a command covers, from the kits the caller discovered (apps/<kit>/kit.ts): the one
 * named by --kit, else all. An unknown --kit names the kits there are.
 */
export function selectedMatrices(options: GrantsCommandOptions, matrices: readonly KitMatrix[]): KitMatrix[] {
  if (!options.kit) return [...matrices];
  const matrix = matrices.find((m) => m.kit === options.kit);
  if (!matrix)
    throw new Error(
      `--kit ${options.kit}: no such kit; kits here: ${matrices.map((m) => m.kit).join(", ") || "none"}`,
    );
  return [matrix];
}

/** The app role for a kit: the bound service principal, or locally a predictable role per kit. */
export function appPrincipalFor(kit: string, options: GrantsCommandOptions): string {
  return options.appPrincipal ?? `${kit.replaceAll("-", "_")}_app`;
}
