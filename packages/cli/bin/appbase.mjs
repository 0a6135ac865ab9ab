#!/usr/bin/env node
// The `appbase` command. Workspace packages export TypeScript source, so the CLI runs through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
