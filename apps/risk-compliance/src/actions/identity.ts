"use server";

import { server } from "../server/kit.ts";

/** The local identity switcher's form action; refused and logged in Databricks Apps mode. */
export const switchIdentityAction = server.switchLocalIdentityForm;
