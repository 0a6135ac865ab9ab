import { redirect } from "next/navigation";

/** The kit opens on the review queue. */
export default function Home() {
  redirect("/queue");
}
