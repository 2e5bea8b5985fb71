import { spawn } from "node:child_process";
import { constants } from "node:os";
import { decideGate } from "../gate/gate.js";
import { DEFAULT_TIMEOUTS } from "../live/http-exchange.js";
import { displayUrl } from "../live/redact.js";
import { whenIdle } from "../proxy/idle-stop.js";
import { proxyEnvironment } from "../proxy/proxy-environment.js";
import { startProxyJob } from "../proxy/proxy-job.js";
import { EXIT_CONFORMANT, EXIT_NOT_CONFORMANT, EXIT_USAGE_OR_INPUT } from "./exit-codes.js";
import { GATE_OPTIONS, gateOptionsFrom } from "./gate-options.js";
import { interruptedBy, interruption, signalLabel } from "./interruption.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { progressPrinter } from "./progress-printer.js";
import { publishReport } from "./publish-report.js";
import {
  parseNumberOption,
  parseReporterOption,
  parseWholeNumber,
  REPORTING_OPTIONS,
} from "./report-options.js";
import { PROXY_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

const { shard: _shard, ...REPORTING_WITHOUT_SHARD } = REPORTING_OPTIONS;

/** `conformance proxy`'s options (the workflows in examples/ci are checked against this table). */
export const PROXY_OPTIONS = {
  ...REPORTING_WITHOUT_SHARD,
  ...GATE_OPTIONS,
  port: { type: "string" },
  listen: { type: "string" },
  upstream: { type: "string", multiple: true },
  "keep-host": { type: "boolean", default: false },
  reverse: { type: "string" },
  "ca-dir": { type: "string" },
  record: { type: "string" },
  "until-idle": { type: "string" },
  "connect-timeout": { type: "string" },
  "headers-timeout": { type: "string" },
  "body-timeout": { type: "string" },
} as const;

export const DEFAULT_CA_DIR = ".conformance/proxy-ca";

function httpUrl(option: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${option}: not a URL: ${JSON.stringify(displayUrl(value))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`${option}: not an http(s) URL: ${displayUrl(url)}`);
  return url;
}

/** --upstream HOST=URL…: the map the server routes by, keys lower-case without a :443 or :80. */
export function parseUpstreams(values: readonly string[] | undefined): Map<string, URL> {
  const upstreams = new Map<string, URL>();
  for (const value of values ?? []) {
    const equals = value.indexOf("=");
    const host = value.slice(0, equals).trim().toLowerCase();
    if (equals <= 0 || !/^[a-z0-9.*-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/.test(host)) {
      throw new UsageError(
        `--upstream takes HOST=URL (e.g. cvm.tencentcloudapi.com=https://sandbox.example:8443), got ${JSON.stringify(displayUrl(value))}`,
      );
    }
    const key = host.replace(/:(443|80)$/, "");
    if (upstreams.has(key)) throw new UsageError(`--upstream ${key} is given twice`);
    upstreams.set(key, httpUrl(`--upstream ${key}`, value.slice(equals + 1).trim()));
  }
  return upstreams;
}

/** How a command run through the proxy ended: its exit code, or the shell's 128 + N for a signal. */
function runThroughProxy(
  command: readonly string[],
  env: NodeJS.ProcessEnv,
): { exited: Promise<{ code: number; error?: string }>; stop: (signal: NodeJS.Signals) => void } {
  const [file = "", ...args] = command;
  const child = spawn(file, args, { stdio: "inherit", env });
  const exited = new Promise<{ code: number; error?: string }>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      resolve({
        code: EXIT_USAGE_OR_INPUT,
        error: `cannot run ${JSON.stringify(file)}: ${error.code === "ENOENT" ? "not found" : error.message}`,
      }),
    );
    child.once("exit", (code, signal) =>
      resolve({ code: code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0) }),
    );
  });
  return { exited, stop: (signal) => child.kill(signal) };
}

export async function proxyCommand(argv: string[]): Promise<number> {
  const dash = argv.indexOf("--");
  const own = dash < 0 ? argv : argv.slice(0, dash);
  const command = dash < 0 ? [] : argv.slice(dash + 1);
  const { values, positionals } = parseCommandArgs("proxy", own, PROXY_OPTIONS);
  if (values.help) {
    process.stdout.write(PROXY_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0) {
    throw new UsageError(
      `proxy takes its command after "--" (conformance proxy -- ${positionals.join(" ")}), got ${positionals.join(" ")}`,
    );
  }
  if (dash >= 0 && command.length === 0) throw new UsageError(`nothing after "--": give the command to run`);
  const upstreams = parseUpstreams(values.upstream);
  if (values["keep-host"] && upstreams.size === 0)
    throw new UsageError("--keep-host applies to --upstream mappings");
  const ms = (name: "connect-timeout" | "headers-timeout" | "body-timeout", fallback: number) =>
    parseNumberOption(name, values[name], 1, 3_600_000) ?? fallback;
  const idleSeconds = parseNumberOption("until-idle", values["until-idle"], 0.001, 86_400);
  const reporters = parseReporterOption(values.reporter);
  const gate = await gateOptionsFrom(values);
  // The command's own output is the terminal's while it runs: no progress line beside it.
  const progress = progressPrinter(values.quiet || command.length > 0);
  const job = await startProxyJob({
    listen: {
      host: values.listen ?? "127.0.0.1",
      port: parseNumberOption("port", values.port, 0, 65_535) ?? 0,
    },
    upstreams,
    keepHost: values["keep-host"],
    reverse: values.reverse === undefined ? undefined : httpUrl("--reverse", values.reverse),
    caDir: values["ca-dir"] ?? DEFAULT_CA_DIR,
    recordTo: values.record,
    config: values.config,
    maxBodyBytes: parseNumberOption("max-body-bytes", values["max-body-bytes"], 1, Number.MAX_SAFE_INTEGER),
    maxResults: parseWholeNumber("max-results", values["max-results"]),
    timeouts: {
      connectMs: ms("connect-timeout", DEFAULT_TIMEOUTS.connectMs),
      headersMs: ms("headers-timeout", DEFAULT_TIMEOUTS.headersMs),
      bodyMs: ms("body-timeout", DEFAULT_TIMEOUTS.bodyMs),
    },
    runId: values["run-id"],
    onProgress: progress.onProgress,
    onNotice: (message) => process.stderr.write(`proxy: ${message}\n`),
  });
  process.stderr.write(`proxy listening on ${job.url}\n`);
  if (!values.quiet) {
    const { files, created } = job.ca;
    const lines = [
      `  forward: HTTPS_PROXY=${job.url}, trusting ${files.cert}${created ? " (a new CA: trust it once)" : ""}; SSL_CERT_FILE=${files.bundle}`,
      `  reverse: endpoint ${job.url} → ${values.reverse ? displayUrl(values.reverse) : "the public host each request names"}, re-signed for it`,
      ...[...upstreams].map(
        ([host, url]) =>
          `  upstream: ${host} → ${displayUrl(url)}${values["keep-host"] ? " (Host kept)" : ""}`,
      ),
    ];
    process.stderr.write(`${lines.join("\n")}\n`);
  }

  const stopReasons: Promise<string>[] = [
    new Promise((resolve) => {
      if (interruption.aborted) resolve(signalLabel(interruptedBy()));
      else
        interruption.addEventListener("abort", () => resolve(signalLabel(interruptedBy())), { once: true });
    }),
  ];
  if (idleSeconds !== undefined) {
    stopReasons.push(
      whenIdle(job.server, idleSeconds * 1000, interruption).then(() => `idle for ${idleSeconds} s`),
    );
  }
  let commandOutcome: { code: number; error?: string } | undefined;
  if (command.length > 0) {
    const child = runThroughProxy(command, await proxyEnvironment(process.env, job.url, job.ca.files));
    // CI cancels with SIGTERM to this process alone; a terminal's Ctrl-C reaches the command by itself.
    interruption.addEventListener("abort", () => {
      if (interruptedBy() === "SIGTERM") child.stop("SIGTERM");
    });
    stopReasons.push(
      child.exited.then((outcome) => {
        commandOutcome = outcome;
        return outcome.error ?? `${command[0]} exited with code ${outcome.code}`;
      }),
    );
  }
  const reason = await Promise.race(stopReasons);
  // A command still running when the proxy stops for another reason (Ctrl-C) is waited for: its last
  // requests are in the report, and it must not outlive the proxy it talks to.
  if (command.length > 0 && commandOutcome === undefined) await stopReasons[stopReasons.length - 1];
  const result = await job.stop();
  progress.done();
  if (!values.quiet) {
    const tunnelled =
      result.tunnelled > 0 ? `; ${result.tunnelled} connection(s) to other hosts tunnelled untouched` : "";
    process.stderr.write(`proxy stopped (${reason})${tunnelled}\n`);
  }
  const verdict = decideGate(result.report, gate);
  await publishReport(result.report, {
    reportDir: values["report-dir"],
    reporters,
    quiet: values.quiet,
    verdict,
    extraLines: result.recorded
      ? [
          `recording: ${result.recorded.file} (${result.recorded.exchanges} exchange(s), credentials redacted)`,
        ]
      : [],
  });
  if (commandOutcome?.error) {
    process.stderr.write(`conformance: ${commandOutcome.error}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  if (result.recordingError) {
    process.stderr.write(`conformance: ${result.recordingError.message}\n`);
    return EXIT_USAGE_OR_INPUT;
  }
  if (commandOutcome && commandOutcome.code !== 0) {
    process.stderr.write(
      `conformance: ${command[0]} failed (exit code ${commandOutcome.code}); the gate ${verdict.passed ? "passed" : "failed"}; exiting with the command's code\n`,
    );
    return commandOutcome.code;
  }
  return verdict.passed ? EXIT_CONFORMANT : EXIT_NOT_CONFORMANT;
}
