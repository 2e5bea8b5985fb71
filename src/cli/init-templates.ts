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

      # Call every action and probe against your sandbox or private endpoint. The target and the
      # credentials come from the repository's secrets (the official SDKs' variable names); only the
      # dialects whose credentials are set can be called. Without --target, "conformance run" checks
      # the built-in sandbox and the shipped recordings instead.
      # --reporter github prints an annotation per failing rule and action and writes the job summary.
      - name: conformance run
        run: npx conformance run --target "\${{ secrets.CONFORMANCE_TARGET }}" --reporter json,junit,html,markdown,badge,github
        env:
          TENCENTCLOUD_SECRET_ID: \${{ secrets.TENCENTCLOUD_SECRET_ID }}
          TENCENTCLOUD_SECRET_KEY: \${{ secrets.TENCENTCLOUD_SECRET_KEY }}
          ALIBABA_CLOUD_ACCESS_KEY_ID: \${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_ID }}
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: \${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_SECRET }}
          ZENLAYERCLOUD_ACCESS_KEY_ID: \${{ secrets.ZENLAYERCLOUD_ACCESS_KEY_ID }}
          ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: \${{ secrets.ZENLAYERCLOUD_ACCESS_KEY_PASSWORD }}
        # The gate below decides; this step only writes the reports.
        continue-on-error: true

      # Judge your own SDK's tests as their traffic passes (not available yet: "conformance proxy" is
      # planned; uncomment when your installed version has it).
      # - name: conformance proxy
      #   run: npx conformance proxy --reporter json,junit,html,markdown,badge,github -- go test ./...

      # Decide the release: exit 1 fails the job. Add --baseline FILE for accepted failures.
      - name: conformance gate
        run: npx conformance gate reports/conformance.json --max-warnings -1

      - name: upload the reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: conformance-reports
          path: reports/
`;
