import { KitEntityLink } from "@appbase/next-kit/kit-link";
import type { EntityCustomer } from "../domain/entities/entity-customers.ts";
import { linkTo } from "../server/links.ts";

/**
 * The Customer 360 record of each entity that is a customer, as a link into Customer Hub (which masks
 * what the viewer may not see); an entity that is no customer says so.
 */
export async function EntityCustomerLinks({ parties }: { parties: readonly EntityCustomer[] }) {
  const links = await Promise.all(
    parties.map(async (p) => ({
      ...p,
      link: p.customerId ? await linkTo({ kit: "customer-hub", entity: "customer", id: p.customerId }) : null,
    })),
  );
  return (
    <ul className="rc-list" aria-label="Linked customers">
      {links.map(({ entityId, customerId, link }) => (
        <li key={entityId}>
          <a href={`/entities/${entityId}`}>{entityId}</a> ·{" "}
          {link && customerId ? (
            <KitEntityLink link={link}>customer {customerId}</KitEntityLink>
          ) : (
            <span className="rc-muted">not a customer</span>
          )}
        </li>
      ))}
    </ul>
  );
}
