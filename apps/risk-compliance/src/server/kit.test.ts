import { describeKitWiring } from "@appbase/next-kit/testing";
import { vi } from "vitest";
import kit from "../../kit.ts";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

describeKitWiring(kit, new URL("..", import.meta.url));
