import { redirect } from "next/navigation";

/** The hub opens on the customer list. */
export default function Home() {
  redirect("/customers");
}
