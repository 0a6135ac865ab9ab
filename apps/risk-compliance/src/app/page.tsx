import { redirect } from "next/navigation";

/** The kit opens on the alert queue. */
export default function Home() {
  redirect("/alerts");
}
