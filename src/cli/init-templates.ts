import { DEFAULT_MAX_DEPTH } from "../decode/decoded-body.js";
import { DEFAULT_MAX_BODY_BYTES } from "../sources/reader-options.js";
import { TOOL } from "../tool.js";
import { allRuleMetas } from "./rules-command.js";

/**
 * What `conformance init` writes. The configuration schema (schemas/config.schema.json) admits no member
 * it does not name, and the loader reads plain JSON: the configuration is "commented" by spelling out
 * every rule with its default severity and every limit with its default, and pointing `$schema` at the
 * schema, whose descriptions an editor shows. The workflow, YAML, carries real comments.
 */
export function initialConfig(): string {
  const rules: Record<string, string> = {};
  for (const meta of allRuleMetas()) rules[meta.id] = meta.offByDefault ? "off" : meta.severity;
  const config = {
    $schema: `./node_modules/${TOOL.name}/schemas/config.schema.json`,
    rules,
    hosts: [],
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    maxDepth: DEFAULT_MAX_DEPTH,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export const INITIAL_WORKFLOW = `# Cloud API envelope conformance, written by "conformance init".
# Docs: docs/cli.md, docs/gate-and-shards.md, docs/reports.md of the ${TOOL.name} package.
name: conformance

on:
  push:
  pull_request:

jobs:
  conformance:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci

      # Your SDK's own integration tests, run through the conformance proxy: every exchange they make
      # with the provider is judged as it passes, the reports go to reports/, and the step fails when
      # the gate fails (or with your tests' own exit code when they fail). Replace "go test ./..." with
      # your test command (npm test, pytest, mvn test). The SDK keeps its endpoints: the proxy sets
      # HTTPS_PROXY and trusts its own CA for the command (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, ...).
      # To send the traffic to a provider's sandbox host instead, add --upstream HOST=URL.
      # --reporter github prints an annotation per failing rule and action and writes the job summary.
      - name: SDK tests through conformance proxy
        run: npx conformance proxy --reporter json,junit,html,markdown,badge,github --max-warnings -1 -- go test ./...
        env:
          TENCENTCLOUD_SECRET_ID: \${{ secrets.TENCENTCLOUD_SECRET_ID }}
          TENCENTCLOUD_SECRET_KEY: \${{ secrets.TENCENTCLOUD_SECRET_KEY }}
          ALIBABA_CLOUD_ACCESS_KEY_ID: \${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_ID }}
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: \${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_SECRET }}
          ZENLAYERCLOUD_ACCESS_KEY_ID: \${{ secrets.ZENLAYERCLOUD_ACCESS_KEY_ID }}
          ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: \${{ secrets.ZENLAYERCLOUD_ACCESS_KEY_PASSWORD }}

      # Also call every documented action and probe against your sandbox or private endpoint
      # (CONFORMANCE_TARGET), with the same credentials; uncomment to add it. Its gate is its exit code.
      # - name: conformance run
      #   run: npx conformance run --target "\${{ secrets.CONFORMANCE_TARGET }}" --report-dir reports/run --reporter json,junit,html,markdown,badge,github
      #   env: (the same six variables as above)

      - name: upload the reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: conformance-reports
          path: reports/
`;
