// Validates Kubernetes manifests. Usage: node validate-manifests.mjs FILE... ("-" reads stdin).
// Prints one JSON array: for each YAML document its apiVersion, kind, name, the schema used and
// the errors found. Built-in kinds are checked against the Kubernetes OpenAPI schemas shipped in
// kubernetes-models; ServiceMonitor against @kubernetes-models/prometheus-operator (generated from
// the Prometheus Operator's CRDs); CloudNativePG and Keycloak Operator kinds against the schemas
// in crd-schemas/ (see crd-schemas/README.md). A kind without a schema is an error.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const crdValidators = new Map();

function crdValidator(apiVersion, kind) {
  const file = path.join(here, "crd-schemas", apiVersion, `${kind}.json`);
  if (!fs.existsSync(file)) return null;
  if (!crdValidators.has(file)) crdValidators.set(file, ajv.compile(JSON.parse(fs.readFileSync(file, "utf8"))));
  return { validate: crdValidators.get(file), schema: `crd-schemas/${apiVersion}/${kind}.json` };
}

async function modelClass(apiVersion, kind) {
  for (const [pkg, label] of [["kubernetes-models", "kubernetes-models"],
                               ["@kubernetes-models/prometheus-operator", "@kubernetes-models/prometheus-operator"]]) {
    try {
      const module = await import(`${pkg}/${apiVersion}/${kind}`);
      if (module[kind]) return { type: module[kind], schema: label };
    } catch (e) {
      if (e.code !== "ERR_MODULE_NOT_FOUND" && e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e;
    }
  }
  return null;
}

function format(errors) {
  return (errors || []).map(e => `${e.instancePath || "/"} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
}

async function check(doc) {
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return { schema: null, errors: ["document has no apiVersion and kind"] };
  }
  const model = await modelClass(apiVersion, kind);
  if (model) {
    try {
      new model.type(doc).validate();
      return { schema: model.schema, errors: [] };
    } catch (e) {
      return { schema: model.schema, errors: format(e.errors).length ? format(e.errors) : [String(e.message)] };
    }
  }
  const crd = crdValidator(apiVersion, kind);
  if (crd) {
    return { schema: crd.schema, errors: crd.validate(doc) ? [] : format(crd.validate.errors) };
  }
  return { schema: null, errors: [`no schema for ${apiVersion} ${kind}`] };
}

const results = [];
for (const source of process.argv.slice(2)) {
  const text = source === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(source, "utf8");
  const docs = YAML.parseAllDocuments(text);
  let index = 0;
  for (const parsed of docs) {
    const entry = { source, index: index++ };
    if (parsed.errors.length) {
      results.push({ ...entry, errors: parsed.errors.map(e => `YAML: ${e.message}`) });
      continue;
    }
    const doc = parsed.toJS();
    if (doc === null || doc === undefined) continue;
    const { schema, errors } = await check(doc);
    results.push({ ...entry, apiVersion: doc.apiVersion, kind: doc.kind, name: doc.metadata && doc.metadata.name, schema, errors });
  }
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
