import { z } from "zod";
import { columnDeclarationSchema } from "./column-types.ts";
import { predicateSchema } from "./predicate.ts";

// zod schemas of the port's arguments, for a transport (the local platform process's HTTP front)
// to validate request bodies before calling an adapter. Adapters validate names, declarations,
// rows and predicates again against the table itself.

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const timestamp = z.union([z.string().datetime({ offset: true }), z.date()]);

export const asOfSchema = z.union([
  z.object({ version: z.number().int().nonnegative() }).strict(),
  z.object({ timestamp }).strict(),
]);

export const readOptionsSchema = z
  .object({
    where: predicateSchema.optional(),
    asOf: asOfSchema.optional(),
    columns: z.array(z.string()).min(1).optional(),
    orderBy: z.array(z.string()).optional(),
    limit: z.number().int().nonnegative().optional(),
    offset: z.number().int().nonnegative().optional(),
  })
  .strict();

export const changeRangeSchema = z
  .object({
    fromVersion: z.number().int().nonnegative(),
    toVersion: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((r) => r.toVersion === undefined || r.toVersion >= r.fromVersion, {
    message: "toVersion must be ≥ fromVersion",
    path: ["toVersion"],
  });

export const rowsSchema = z.array(z.record(z.string(), cell.optional()));

export const mergeOptionsSchema = z.object({ keys: z.array(z.string()).min(1).optional() }).strict();

export const createTableRequestSchema = z
  .object({
    columns: z.array(columnDeclarationSchema).min(1),
    primaryKey: z.array(z.string()).optional(),
    comment: z.string().optional(),
  })
  .strict();
