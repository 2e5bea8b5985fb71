import { expect } from "chai";
import { closestOption, parseCommandArgs } from "../../src/cli/parse-command-args.js";
import { REPORTING_OPTIONS } from "../../src/cli/report-options.js";
import { UsageError } from "../../src/cli/usage-error.js";

const OPTIONS = { ...REPORTING_OPTIONS, "min-score": { type: "string" } } as const;

function usageErrorOf(argv: string[]): UsageError {
  try {
    parseCommandArgs("check", argv, OPTIONS);
  } catch (error) {
    expect(error).to.be.instanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`${argv.join(" ")} was accepted`);
}

describe("parseCommandArgs: flag mistakes in the CLI's own words", () => {
  it("names an unknown option and the closest known one, for the command's --help", () => {
    const error = usageErrorOf(["x.har", "--reportdir", "out"]);
    expect(error.message).to.equal("unknown option --reportdir (did you mean --report-dir?)");
    expect(error.command).to.equal("check");
    expect(usageErrorOf(["--quite"]).message).to.equal("unknown option --quite (did you mean --quiet?)");
    expect(usageErrorOf(["--frobnicate"]).message).to.equal("unknown option --frobnicate");
  });

  it("takes a negative number as the value of the option before it (its own check then judges it)", () => {
    const { values } = parseCommandArgs("check", ["x.har", "--min-score", "-5"], OPTIONS);
    expect(values["min-score"]).to.equal("-5");
  });

  it("says which option misses its value, and which switch takes none", () => {
    expect(usageErrorOf(["x.har", "--report-dir"]).message).to.equal("--report-dir needs a value");
    expect(usageErrorOf(["--report-dir", "--quiet"]).message).to.match(
      /^--report-dir needs a value, but the next argument looks like an option \(write --report-dir=VALUE/,
    );
    expect(usageErrorOf(["--quiet=yes"]).message).to.equal("--quiet takes no value");
  });

  it("never leaks Node's parser text", () => {
    for (const argv of [["--reportdir", "x"], ["--report-dir"], ["--quiet=1"], ["--min-score", "--x"]]) {
      const { message } = usageErrorOf(argv);
      expect(message, argv.join(" ")).not.to.match(/To specify a positional|ambiguous|'/);
    }
  });

  it("suggests only what is close", () => {
    expect(closestOption("--max-body", ["max-body-bytes", "report-dir"])).to.equal(undefined);
    expect(closestOption("--maxbodybytes", ["max-body-bytes", "report-dir"])).to.equal("max-body-bytes");
    expect(closestOption("--reporter-dir", ["reporter", "report-dir"])).to.equal("report-dir");
  });
});
