// Writes k8s/components/keycloak/realm-import.yaml from the production realm file, so Kubernetes
// imports exactly the realm compose and the docs describe. With --check it only compares and
// exits 1 when the committed file is stale (RealmFilesTest runs it that way).
//   node src/test/deploy/generate-realm-import.mjs [--check]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const realmFile = "docker/keycloak/claudio-portal-realm.prod.json";
const target = "k8s/components/keycloak/realm-import.yaml";

const realm = JSON.parse(fs.readFileSync(path.join(root, realmFile), "utf8"));
const resource = {
  apiVersion: "k8s.keycloak.org/v2alpha1",
  kind: "KeycloakRealmImport",
  metadata: { name: "claudio-portal" },
  spec: {
    keycloakCRName: "keycloak",
    // ${...} in the realm are filled from secrets when the operator imports it
    placeholders: {
      OIDC_CLIENT_SECRET: { secret: { name: "claudio-portal", key: "OIDC_CLIENT_SECRET" } },
      PORTAL_PUBLIC_URL: { secret: { name: "claudio-portal-realm-import", key: "PORTAL_PUBLIC_URL" } },
    },
    realm,
  },
};
const text = `# Generated from ${realmFile} by src/test/deploy/generate-realm-import.mjs: do not edit.\n`
  + YAML.stringify(resource, { lineWidth: 0 });

// --target FILE compares or writes another file (the tests use it to prove --check fails)
const targetFlag = process.argv.indexOf("--target");
const file = targetFlag > 0 ? path.resolve(process.argv[targetFlag + 1]) : path.join(root, target);
if (process.argv.includes("--check")) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (current !== text) {
    console.error(`${target} is not generated from ${realmFile}: run node src/test/deploy/generate-realm-import.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, text);
  console.log(`wrote ${target}`);
}
