export { rehearseKit } from "./rehearse-kit.ts";
