export { noteTags } from "./note-tags.ts";
export { notes } from "./notes.ts";
export { exampleKit } from "./schema.ts";
