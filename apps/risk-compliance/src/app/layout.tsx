import "@appbase/ui/styles.css";
import { kitMetadata, kitRootLayout } from "@appbase/next-kit/layout";
import { switchIdentityAction } from "../actions/identity.ts";
import { server } from "../server/kit.ts";
import "./risk-compliance.css";

export const metadata = kitMetadata(server.kit);
export const dynamic = "force-dynamic";
export default kitRootLayout(server, switchIdentityAction);
