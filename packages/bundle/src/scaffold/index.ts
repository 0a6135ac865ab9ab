export { type KitNames, kitNames } from "./kit-names.ts";
export {
  type ScaffoldedKit,
  type ScaffoldOptions,
  scaffoldKit,
  starterKit,
} from "./scaffold-kit.ts";
export { starterMatrix } from "./starter-matrix.ts";
