/** `npm run env:example`: writes .env.example from the settings' one definition (lib/config/definitions.ts). */
import fs from "node:fs";
import path from "node:path";
import { envExample } from "../lib/config/definitions";
import { REPO_ROOT } from "../lib/config/env-files";

fs.writeFileSync(path.join(REPO_ROOT, ".env.example"), envExample());
console.log("wrote .env.example");
