import { kitNextConfig } from "@appbase/next-kit/next-config";
import { MAX_UPLOAD_BYTES } from "./src/domain/evidence/upload-limit.ts";

const base = kitNextConfig();

// Evidence files travel base64 in a server action (4/3 of their size) beside a few short fields.
export default {
  ...base,
  experimental: {
    ...base.experimental,
    serverActions: { bodySizeLimit: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024 },
  },
};
