import { describeKitWiring } from "@appbase/next-kit/testing";
import { vi } from "vitest";
import kit from "../../kit.ts";

// next/cache works only inside a Next request; importing the action modules must not need it.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

describeKitWiring(kit, new URL("..", import.meta.url));
