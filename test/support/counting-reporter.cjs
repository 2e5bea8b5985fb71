// Mocha's spec reporter, closed by one plain line "N passed, N failed, N skipped" that CI reads
// (CI does not parse mocha's own summary).
const Mocha = require("mocha");

const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? this.stats;
      // After the spec reporter's epilogue, so that it is the last line printed.
      setImmediate(() => process.stdout.write(`${passes} passed, ${failures} failed, ${pending} skipped\n`));
    });
  }
}

module.exports = CountingReporter;
