// Lints Dockerfiles. Usage: node lint-dockerfile.mjs FILE...  Prints one JSON array of findings
// {file, line, rule, message}. Two layers:
//  - dockerfile-utils' validator (syntax, instruction arguments, flags, durations, ports);
//  - hadolint's rules re-implemented on dockerfile-ast's parse (hadolint itself is a Haskell
//    binary that no registry here serves), plus this project's image rules (PORTAL-*).
import fs from "node:fs";
import { validate } from "dockerfile-utils";
import { DockerfileParser } from "dockerfile-ast";

const findings = [];
const add = (file, line, rule, message) => findings.push({ file, line: line + 1, rule, message });

function imageReference(from) {
  const image = from.getImage();
  return { image, name: from.getImageName(), tag: from.getImageTag(), digest: from.getImageDigest() };
}

function lint(file) {
  const text = fs.readFileSync(file, "utf8");
  for (const d of validate(text)) {
    add(file, d.range.start.line, `dockerfile-utils/${d.code}`, d.message);
  }
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const stages = dockerfile.getFROMs();
  const stageNames = new Set(stages.map(f => f.getBuildStage()).filter(Boolean).map(s => s.toLowerCase()));
  const fromLines = stages.map(f => f.getRange().start.line);
  const stageOf = line => { let i = -1; fromLines.forEach((l, k) => { if (l <= line) i = k; }); return i; };
  const usedAsSource = new Set();
  let shellHasPipefail = false;
  const workdirSet = new Set();

  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    const line = ins.getRange().start.line;
    const args = ins.getArgumentsContent() || "";
    const stage = stageOf(line);
    if (keyword === "FROM") {
      shellHasPipefail = false;
      const ref = imageReference(ins);
      if (stageNames.has((ref.image || "").toLowerCase())) { usedAsSource.add(ref.image.toLowerCase()); continue; }
      if (!ref.tag && !ref.digest) add(file, line, "DL3006", `Always tag the version of an image explicitly: ${ref.image}`);
      if (ref.tag === "latest") add(file, line, "DL3007", `Using latest is prone to errors: pin ${ref.name}`);
      if (ref.tag && !ref.digest && !/\d+\.\d+|\d{4}-\d{2}-\d{2}/.test(ref.tag)) {
        add(file, line, "PORTAL-PIN", `Pin ${ref.image} to an exact version (major.minor[.patch]) or a digest, not a moving tag`);
      }
      if (!ins.getBuildStage()) add(file, line, "PORTAL-STAGE", "Name every stage (FROM image AS name)");
    }
    if (keyword === "COPY" || keyword === "ADD") {
      const fromFlag = ins.getFromFlag ? ins.getFromFlag() : null;
      if (fromFlag) usedAsSource.add(fromFlag.getValue().toLowerCase());
      const parts = ins.getArguments().map(a => a.getValue());
      const dest = parts[parts.length - 1] || "";
      if (!dest.startsWith("/") && !dest.startsWith("$") && !workdirSet.has(stage)) {
        add(file, line, "DL3045", "COPY to a relative destination without WORKDIR set");
      }
    }
    if (keyword === "ADD") {
      const sources = ins.getArguments().slice(0, -1).map(a => a.getValue());
      if (!sources.some(s => /^https?:\/\//.test(s) || /\.(tar|tgz|tar\.gz|tar\.xz|tar\.bz2)$/.test(s))) {
        add(file, line, "DL3020", "Use COPY instead of ADD for files and folders");
      }
    }
    if (keyword === "WORKDIR") workdirSet.add(stage);
    if (keyword === "MAINTAINER") add(file, line, "DL4000", "MAINTAINER is deprecated");
    if (keyword === "SHELL" && /pipefail/.test(args)) shellHasPipefail = true;
    if ((keyword === "CMD" || keyword === "ENTRYPOINT") && !args.trim().startsWith("[")) {
      add(file, line, "DL3025", `Use arguments JSON notation for ${keyword}`);
    }
    if (keyword === "RUN") {
      const command = args.replace(/\\\n/g, " ");
      if (/(^|[;&|]\s*)cd\s/.test(command)) add(file, line, "DL3003", "Use WORKDIR to switch to a directory");
      if (/(^|[;&|\s])sudo\s/.test(command)) add(file, line, "DL3004", "Do not use sudo");
      if (/apt-get\s+(\S+\s+)*install/.test(command)) {
        if (!/(\s-y\b|--yes|--assume-yes|-qq?y)/.test(command)) add(file, line, "DL3014", "Use the -y switch with apt-get install");
        if (!/--no-install-recommends/.test(command)) add(file, line, "DL3015", "Avoid additional packages: --no-install-recommends");
        if (!/rm\s+-rf\s+\/var\/lib\/apt\/lists/.test(command)) add(file, line, "DL3009", "Delete the apt-get lists after installing something");
      }
      if (/apt-get\s+(\S+\s+)*(upgrade|dist-upgrade)/.test(command)) add(file, line, "DL3005", "Do not use apt-get upgrade or dist-upgrade");
      if (/\|/.test(command.replace(/\|\|/g, "")) && !shellHasPipefail) {
        add(file, line, "DL4006", "Set SHELL -o pipefail before RUN with a pipe");
      }
      if (/\b(curl|wget)\b[^|;&]*\|\s*(ba|z)?sh\b/.test(command)) add(file, line, "PORTAL-CURL-SH", "Do not pipe downloads into a shell");
    }
  }

  // the stages that become images (never only a COPY --from source) run as a non-root user,
  // carry a health check, and contain no build tool
  stages.forEach((from, k) => {
    const name = (from.getBuildStage() || "").toLowerCase();
    if (usedAsSource.has(name)) return;
    const start = from.getRange().start.line;
    const end = k + 1 < fromLines.length ? fromLines[k + 1] : Number.MAX_SAFE_INTEGER;
    const own = instructions.filter(i => i.getRange().start.line >= start && i.getRange().start.line < end);
    const users = own.filter(i => i.getKeyword() === "USER");
    const lastUser = users.length ? (users[users.length - 1].getArgumentsContent() || "").trim() : null;
    if (lastUser === null || /^(root|0)(:|$)/.test(lastUser)) {
      add(file, start, "DL3002", `Stage ${name || k}: the last USER must not be root`);
    } else if (!/^\d+(:\d+)?$/.test(lastUser)) {
      add(file, start, "PORTAL-UID", `Stage ${name || k}: USER should be numeric (uid:gid) so Kubernetes can verify runAsNonRoot`);
    }
    if (!own.some(i => i.getKeyword() === "HEALTHCHECK")) add(file, start, "PORTAL-HEALTHCHECK", `Stage ${name || k} has no HEALTHCHECK`);
    if (!own.some(i => i.getKeyword() === "ENTRYPOINT" || i.getKeyword() === "CMD")) add(file, start, "PORTAL-ENTRYPOINT", `Stage ${name || k} has no ENTRYPOINT`);
    const ref = imageReference(from);
    if (/jdk/.test(ref.tag || "")) add(file, start, "PORTAL-JRE", `Stage ${name || k} is built on a JDK image: runtime images get a JRE only`);
    for (const i of own) {
      const a = i.getArgumentsContent() || "";
      if ((i.getKeyword() === "COPY" || i.getKeyword() === "ADD") && !/--from=/.test(a) && /(^|\s)(\.|src\/?|pom\.xml|mvnw|\.mvn\/?)(\s|$)/.test(a)) {
        add(file, i.getRange().start.line, "PORTAL-NO-SOURCES", `Stage ${name || k} copies build inputs (${a.trim()}); copy only artifacts from the build stage`);
      }
      if (i.getKeyword() === "RUN" && /\b(mvnw?|gradlew?|javac|npm|gcc|make)\b/.test(a)) {
        add(file, i.getRange().start.line, "PORTAL-NO-BUILD-TOOLS", `Stage ${name || k} runs a build tool`);
      }
      if (i.getKeyword() === "RUN" && /apt-get\s+(\S+\s+)*install[^&;|]*\b(maven|openjdk-\d+-jdk|default-jdk|build-essential|gcc|make|git)\b/.test(a)) {
        add(file, i.getRange().start.line, "PORTAL-NO-BUILD-TOOLS", `Stage ${name || k} installs build tools`);
      }
    }
  });
}

for (const file of process.argv.slice(2)) lint(file);
process.stdout.write(JSON.stringify(findings, null, 1) + "\n");
