// What a kit lets other kits link to (defineKit's `links`), and the path an entity id opens. Pure data:
// kit.ts imports it, so no next or react here.

/** One linkable entity of a kit: the page that shows one by id, e.g. `/customers/:id`. */
export interface EntityLinkDeclaration {
  readonly path: `/${string}`;
  /** What one is called, e.g. "customer"; the link text of the kit that links to it. */
  readonly label: string;
}

/** A kit's linkable entities by name (`customer`, `work-order`…); other kits link by name and id. */
export type EntityLinks = Readonly<Record<string, EntityLinkDeclaration>>;

const ENTITY_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PATH = /^\/[a-z0-9/_-]*:id[a-z0-9/_-]*$/;
/** Ids other kits pass: printable, no slashes or controls, bounded (they come from data, not users). */
const ENTITY_ID = /^[A-Za-z0-9._~-]{1,100}$/;

/** Every problem with a kit's `links`, each naming the field to fix. */
export function entityLinkIssues(links: EntityLinks | undefined): string[] {
  const issues: string[] = [];
  for (const [name, link] of Object.entries(links ?? {})) {
    if (!ENTITY_NAME.test(name)) issues.push(`links.${name}: name the entity in kebab-case, e.g. work-order`);
    if (!PATH.test(link.path) || link.path.split(":id").length !== 2)
      issues.push(`links.${name}.path: write the page path with one :id, e.g. /customers/:id`);
    if (!link.label.trim() || link.label.length > 40)
      issues.push(`links.${name}.label: give the entity a label of 1 to 40 characters`);
  }
  return issues;
}

/** Whether a string can be an entity id in a link (a path segment that needs no escaping). */
export function isEntityId(id: string): boolean {
  return ENTITY_ID.test(id);
}

/** The page of one entity of this kit, or null when the kit declares no such entity or the id is not one. */
export function entityPath(links: EntityLinks | undefined, entity: string, id: string): string | null {
  const link = Object.hasOwn(links ?? {}, entity) ? links?.[entity] : undefined;
  if (!link || !isEntityId(id)) return null;
  return link.path.replace(":id", id);
}
