import { expect } from "chai";
import { ACTION_CALLS } from "../../src/live/action-calls.js";
import { describedActionsOf } from "../../src/live/described-actions.js";
import {
  ActionsSpecError,
  describedCalls,
  isReadOnlyAction,
  selectDescribedActions,
} from "../../src/live/described-calls.js";
import { planTasks } from "../../src/live/plan-tasks.js";
import { selectCalls } from "../../src/live/select-calls.js";
import { findProduct } from "../../src/providers/registry.js";

const kms = () => {
  const product = findProduct("alibaba", "kms");
  if (!product) throw new Error("no alibaba/kms");
  return product;
};
const cvm = () => {
  const product = findProduct("tencent", "cvm");
  if (!product) throw new Error("no tencent/cvm");
  return product;
};
const errorOf = (f: () => unknown): ActionsSpecError => {
  try {
    f();
  } catch (error) {
    if (error instanceof ActionsSpecError) return error;
    throw error;
  }
  throw new Error("expected an ActionsSpecError");
};

describe("--actions: the described actions a live run adds", () => {
  it("reads a product's actions document (its own version), once per process", () => {
    const described = describedActionsOf(kms());
    expect(described.version).to.equal("2016-01-20");
    expect(described.actions).to.have.length(93);
    expect(describedActionsOf(kms())).to.equal(described);
    expect(
      describedActionsOf({ dialect: "alibaba", id: "no-such-product", version: "2020-01-01" }),
    ).to.deep.equal({
      version: undefined,
      actions: [],
    });
  });

  it("all: every read-only described action the product's calls do not make, in the dialect's formats", () => {
    const actions = selectDescribedActions({ spec: "all" }, [kms()]).get(kms()) ?? [];
    const described = describedActionsOf(kms()).actions;
    const expected = described.filter((a) => isReadOnlyAction(a) && a !== "DescribeRegions");
    expect(actions).to.deep.equal(expected);
    expect(actions).to.include.members(["DescribeKey", "ListKeys", "GetPublicKey"]);
    expect(actions).not.to.include.members(["CreateKey", "Encrypt", "TagResource", "DescribeRegions"]);
    const calls = describedCalls({ spec: "all" }, { products: ["kms"] });
    expect(calls).to.have.length(expected.length * 2);
    const describeKey = calls.filter((c) => c.action === "DescribeKey");
    expect(describeKey.map((c) => [c.id, c.format])).to.deep.equal([
      ["alibaba/kms/DescribeKey", "json"],
      ["alibaba/kms/DescribeKey.xml", "xml"],
    ]);
    expect(describeKey[0]).to.include({ version: "2016-01-20", region: "cn-hangzhou", mutating: false });
    expect(describeKey[0]?.params).to.deep.equal({});
  });

  it("Tencent: one JSON call per action, the region in X-TC-Region (CallSpec.region)", () => {
    const calls = describedCalls({ spec: "DescribeZones" }, { products: ["cvm"] });
    expect(calls).to.have.length(1);
    expect(calls[0]).to.include({
      id: "tencent/cvm/DescribeZones",
      region: cvm().callRegion,
      format: "json",
    });
  });

  it("a list names actions; a pattern with * matches them; names and patterns mix", () => {
    const list = selectDescribedActions({ spec: "DescribeKey, ListKeys" }, [kms()]).get(kms());
    expect(list).to.deep.equal(["DescribeKey", "ListKeys"]);
    const pattern = selectDescribedActions({ spec: "List*" }, [kms()]).get(kms()) ?? [];
    expect(pattern.length).to.be.greaterThan(5);
    expect(pattern.every((a) => a.startsWith("List"))).to.equal(true);
    const inner = selectDescribedActions({ spec: "*Secret*,DescribeKey" }, [kms()]).get(kms()) ?? [];
    expect(inner).to.include.members(["DescribeSecret", "GetSecretValue", "ListSecrets", "DescribeKey"]);
    expect(inner).not.to.include("DeleteSecret");
  });

  it("read-only by default; --mutating adds the others, planned after the read-only calls", () => {
    const readOnly = selectDescribedActions({ spec: "all" }, [kms()]).get(kms()) ?? [];
    const every = selectDescribedActions({ spec: "all", mutating: true }, [kms()]).get(kms()) ?? [];
    expect(every).to.deep.equal(
      describedActionsOf(kms()).actions.filter((a) => a !== "DescribeRegions" && a !== "Encrypt"),
    );
    expect(every.length).to.be.greaterThan(readOnly.length);
    expect(every).to.include.members(["CreateKey", "TagResource", "ScheduleKeyDeletion"]);
    const phases = planTasks(
      describedCalls({ spec: "DescribeKey,TagResource", mutating: true }, { products: ["kms"] }),
    );
    expect(phases.map((phase) => phase.map((task) => task.map((c) => c.id)))).to.deep.equal([
      [["alibaba/kms/DescribeKey", "alibaba/kms/DescribeKey.xml"]],
      [["alibaba/kms/TagResource", "alibaba/kms/TagResource.xml"]],
    ]);
    expect(isReadOnlyAction("InquiryPriceRunInstances")).to.equal(true);
    expect(isReadOnlyAction("CheckInstancesStatus")).to.equal(true);
    expect(isReadOnlyAction("Getaway")).to.equal(false);
  });

  it("a mutating action named without --mutating is refused", () => {
    expect(errorOf(() => selectDescribedActions({ spec: "CreateKey" }, [kms()])).message).to.match(
      /^--actions CreateKey: not a read-only action .*add --mutating/,
    );
  });

  it("an unknown name is refused with the product's actions count and close names", () => {
    const error = errorOf(() => selectDescribedActions({ spec: "DescribeKye" }, [kms()]));
    expect(error.message).to.match(/^--actions DescribeKye: no selected product describes it/);
    expect(error.message).to.include("alibaba/kms describes 93 actions (2016-01-20)");
    expect(error.message).to.match(/close: DescribeKey\b/);
    expect(errorOf(() => selectDescribedActions({ spec: "Zap*" }, [kms()])).message).to.match(
      /^--actions Zap\*: matches no action/,
    );
    expect(errorOf(() => selectDescribedActions({ spec: " , " }, [kms()])).message).to.match(/needs/);
    expect(errorOf(() => selectDescribedActions({ spec: "Describe?" }, [kms()])).message).to.match(
      /expected/,
    );
  });

  it("without --actions the run's calls are unchanged", () => {
    const plain = selectCalls({ noProbes: true });
    expect(plain).to.deep.equal([...ACTION_CALLS]);
    const withActions = selectCalls({ noProbes: true, products: ["kms"], actions: { spec: "all" } });
    expect(withActions.slice(0, 4).map((c) => c.id)).to.deep.equal(
      ACTION_CALLS.filter((c) => c.product === "kms").map((c) => c.id),
    );
    expect(new Set(withActions.map((c) => c.id)).size).to.equal(withActions.length);
  });
});
