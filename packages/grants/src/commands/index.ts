// The logic behind `appbase grants plan | apply | verify`; the CLI only registers the commands.
export {
  appPrincipalFor,
  type GrantsCommandOptions,
  grantsCommandOptionsSchema,
  parseGrantsOptions,
} from "./options.ts";
export { type CommandOutput, planText, runApply, runVerify } from "./run-grants.ts";
