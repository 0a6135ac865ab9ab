/** Why a local branch operation was refused; the codes are Lakebase's own error codes. */
export type LocalBranchErrorCode =
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "INVALID_PARAMETER_VALUE"
  | "FAILED_PRECONDITION";

/** An error of the local branch host that a person can act on (the message says what to do). */
export class LocalBranchError extends Error {
  constructor(
    readonly code: LocalBranchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LocalBranchError";
  }
}

/** HTTP status of each code, as the Lakebase API answers it. */
export const httpStatusOf: Record<LocalBranchErrorCode, number> = {
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  INVALID_PARAMETER_VALUE: 400,
  FAILED_PRECONDITION: 400,
};

/** Branch ids follow Lakebase's rule: 1-63 characters, a lowercase letter first, then lowercase letters, digits and `-`. */
export const BRANCH_ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** Throws INVALID_PARAMETER_VALUE unless `name` is a valid branch id. */
export function assertBranchId(name: string): void {
  if (!BRANCH_ID_PATTERN.test(name)) {
    throw new LocalBranchError(
      "INVALID_PARAMETER_VALUE",
      `"${name.slice(0, 80)}" is not a branch id: use 1-63 lowercase letters, digits and "-", starting with a letter.`,
    );
  }
}
