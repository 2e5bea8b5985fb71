// The messages convention of src/rules/rule.ts, over every rule's metadata and over real findings: the
// Tencent documented examples (../shared/corpus/, read in place; skipped without it) draw thousands of them
// (the shipped recordings draw none). The rule tests hold every finding they draw to it, schema findings
// included (test/support/rule-tester.ts, test/rules/schema-findings.test.ts).
import { expect } from "chai";
import { renderMessage } from "../../src/model/render-message.js";
import type { RuleMeta } from "../../src/rules/rule.js";
import { sharedEngine } from "../support/shared-engine.js";

/**
 * Rules whose messages another change declares (they write findings without messageId until then). Remove
 * an id once its rule declares `meta.messages`: from then on this test holds it to the convention.
 */
const MESSAGE_ID = /^(?:[a-z][A-Za-z0-9]*|schema\.[a-z][A-Za-z0-9]*)$/;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

async function everyRule(): Promise<readonly RuleMeta[]> {
  return (await sharedEngine()).rules.map((r) => r.meta);
}

describe("finding messages: messageId and data (src/rules/rule.ts)", () => {
  it("every rule declares meta.messages", async () => {
    const without = (await everyRule()).filter((meta) => Object.keys(meta.messages).length === 0);
    expect(without.map((meta) => meta.id)).to.deep.equal([]);
  });

  it("names every message in lowerCamelCase (schema.<keyword> for schema findings)", async () => {
    for (const meta of await everyRule()) {
      for (const id of Object.keys(meta.messages ?? {})) {
        expect(id, `${meta.id}: messageId ${id}`).to.match(MESSAGE_ID);
      }
    }
  });

  it("writes each placeholder as {{name}} or {{name|json}}", async () => {
    for (const meta of await everyRule()) {
      for (const [id, template] of Object.entries(meta.messages ?? {})) {
        for (const [, inside] of template.matchAll(PLACEHOLDER)) {
          expect(inside, `${meta.id}.${id}: {{${inside}}}`).to.match(
            /^\s*[A-Za-z_$][\w$]*\s*(\|\s*json\s*)?$/,
          );
        }
      }
    }
  });

  describe("renderMessage", () => {
    it("fills {{name}} with String(value) and {{name|json}} with JSON.stringify(value)", () => {
      expect(
        renderMessage("{{code|json}} came with {{ status }} ({{ok}}, {{none}}, {{q | json}})", {
          code: 'A"B',
          status: 400,
          ok: false,
          none: null,
          q: "x",
        }),
      ).to.equal('"A\\"B" came with 400 (false, null, "x")');
    });

    it("leaves a placeholder that data lacks as written, as ESLint does", () => {
      expect(renderMessage("{{a}} and {{b}}", { a: 1 })).to.equal("1 and {{b}}");
      expect(renderMessage("no {{placeholders}} here")).to.equal("no {{placeholders}} here");
    });

    it("does not read inherited names", () => {
      expect(renderMessage("{{toString}} {{constructor}}", {})).to.equal("{{toString}} {{constructor}}");
    });
  });
  // Every finding over the Tencent documented examples: test/surface/tencent-corpus.test.ts (npm run
  // test:surface), which checks the corpus once.
});
