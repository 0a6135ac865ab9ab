import { kitNextConfig } from "@appbase/next-kit/next-config";

export default kitNextConfig();
