// Installs the test tooling of package.json (validators for docker/ and k8s/) with `npm ci`,
// unless node_modules already holds exactly what package-lock.json pins. Run by ./mvnw before
// the tests (generate-test-resources); only the npm registry is contacted, never a CDN.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const digest = crypto.createHash("sha256")
  .update(fs.readFileSync(path.join(root, "package.json")))
  .update(fs.readFileSync(path.join(root, "package-lock.json")))
  .update(process.version)
  .digest("hex");
const stamp = path.join(root, "node_modules", ".installed-from-lock");
if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest) {
  console.log("test tooling: node_modules matches package-lock.json");
  process.exit(0);
}
const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
  { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
if (npm.status !== 0) {
  console.error("npm ci failed: the deployment checks need the packages in package-lock.json");
  process.exit(npm.status || 1);
}
fs.writeFileSync(stamp, digest);
