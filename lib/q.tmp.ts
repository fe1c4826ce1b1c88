import { runQuery } from "./trino/client";
import { connectionFor } from "./lakehouse/connection";
import { instanceSettings } from "./lakehouse/settings";
const r = await runQuery(connectionFor(instanceSettings("test"), "admin"), process.argv[2]!);
console.log(JSON.stringify(r.rows).slice(0, 2000));
