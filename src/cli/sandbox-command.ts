import path from "node:path";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import { CREDENTIAL_VARIABLES, SANDBOX_CREDENTIALS } from "../providers/credentials.js";
import { DEFECTS, type DefectName, isDefectName } from "../sandbox/defects.js";
import { DEFAULT_RATE_LIMIT, type RateLimit, resolveSandboxOptions } from "../sandbox/sandbox-options.js";
import { startSandbox } from "../sandbox/start-sandbox.js";
import type { TlsMaterial } from "../tls/certificates.js";
import { EXIT_CONFORMANT } from "./exit-codes.js";
import { interruptedBy, interruption, type StopSignal } from "./interruption.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { productIds } from "./product-ids.js";
import { parseNumberOption } from "./report-options.js";
import { UsageError } from "./usage-error.js";

const DEFECT_LINES = DEFECTS.map((d) => `  ${d.name.padEnd(30)}${d.rule}`).join("\n");

export const SANDBOX_USAGE = `Usage: conformance sandbox [options]

Runs the built-in sandbox in the foreground until Ctrl-C (SIGINT) or SIGTERM: one HTTP (or, with --tls,
HTTPS) server on
127.0.0.1 that answers Tencent Cloud API 3.0 (${productIds("tencent")}), Alibaba Cloud RPC (${productIds("alibaba")}; JSON and XML)
and Zenlayer Cloud (${productIds("zenlayer")}) requests, verifies their signatures against the test credentials, and answers
every documented probe with its documented error. Point an official SDK or "conformance run --target"
at the URL it prints. See docs/sandbox.md.

Credentials: each dialect's SDK variables when both are set (${CREDENTIAL_VARIABLES.tencent.id} and
${CREDENTIAL_VARIABLES.tencent.secret}, ${CREDENTIAL_VARIABLES.alibaba.id} and ${CREDENTIAL_VARIABLES.alibaba.secret},
${CREDENTIAL_VARIABLES.zenlayer.id} and ${CREDENTIAL_VARIABLES.zenlayer.secret}), else the sandbox's fake
defaults. Only the key ids are printed, never a secret.

Options:
  --port N                port to listen on (default: 0, a free port)
  --defect NAME           break one documented rule on purpose; repeat for several
  --rate N                requests per second per access key before throttling (default: ${DEFAULT_RATE_LIMIT.perSecond})
  --burst N               requests that may come at once before throttling (default: ${DEFAULT_RATE_LIMIT.burst})
  --no-rate-limit         never throttle
  --described-products    also serve every Tencent and Zenlayer product that has an actions document
                          in schemas/ but no folder of its own (cbs, vpc, vm, …: each described action
                          answered from its schema; Tencent at SERVICE.localhost:PORT or signed for
                          SERVICE, Zenlayer at POST /api/v2/SERVICE)
  --tls                   serve HTTPS with a certificate for 127.0.0.1, localhost and SERVICE.localhost,
                          signed by a certificate authority made for this run (its key stays in memory)
  --ca-cert FILE          with --tls: where to write that authority's certificate, for clients to
                          trust (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, …; default: sandbox-ca.pem)
  --quiet                 print only the "sandbox listening on URL" line
  -h, --help              show this help

Defects (the rule each must trip):
${DEFECT_LINES}

Exit codes: 0 stopped by a signal, 2 usage error or the port could not be opened.
`;

function rateLimitFrom(values: {
  rate?: string;
  burst?: string;
  "no-rate-limit"?: boolean;
}): RateLimit | null {
  if (values["no-rate-limit"]) {
    if (values.rate !== undefined || values.burst !== undefined) {
      throw new UsageError("--no-rate-limit cannot be combined with --rate or --burst");
    }
    return null;
  }
  const perSecond = parseNumberOption("rate", values.rate, 0.001, 1_000_000) ?? DEFAULT_RATE_LIMIT.perSecond;
  const burst = parseNumberOption("burst", values.burst, 1, 1_000_000) ?? DEFAULT_RATE_LIMIT.burst;
  if (!Number.isInteger(burst)) throw new UsageError(`--burst must be a whole number, got ${values.burst}`);
  return { perSecond, burst };
}

/** Resolves with the signal that stops the sandbox (the CLI's first SIGINT or SIGTERM, even an early one). */
function waitForStopSignal(): Promise<StopSignal> {
  return new Promise((resolve) => {
    const stop = () => resolve(interruptedBy() ?? "SIGINT");
    if (interruption.aborted) stop();
    else interruption.addEventListener("abort", stop, { once: true });
  });
}

/** `conformance sandbox`: runs the sandbox until SIGINT or SIGTERM, then closes it and returns 0. */
export async function sandboxCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("sandbox", argv, {
    port: { type: "string" },
    defect: { type: "string", multiple: true },
    rate: { type: "string" },
    burst: { type: "string" },
    "no-rate-limit": { type: "boolean", default: false },
    "described-products": { type: "boolean", default: false },
    tls: { type: "boolean", default: false },
    "ca-cert": { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    process.stdout.write(SANDBOX_USAGE);
    return EXIT_CONFORMANT;
  }
  if (positionals.length > 0)
    throw new UsageError(`sandbox takes no arguments (got ${positionals.join(" ")})`);
  const port = parseNumberOption("port", values.port, 0, 65535);
  if (port !== undefined && !Number.isInteger(port))
    throw new UsageError(`--port must be a whole number, got ${values.port}`);
  const defects: DefectName[] = [];
  for (const name of values.defect ?? []) {
    if (!isDefectName(name)) {
      throw new UsageError(
        `unknown defect ${JSON.stringify(name)}; known defects: ${DEFECTS.map((d) => d.name).join(", ")}`,
      );
    }
    if (!defects.includes(name)) defects.push(name);
  }
  if (values["ca-cert"] !== undefined && !values.tls) throw new UsageError("--ca-cert needs --tls");
  let tls: TlsMaterial | undefined;
  let caFile: string | undefined;
  if (values.tls) {
    // Loaded for --tls only: the X.509 library takes a fifth of a second to load.
    const { sandboxCertificate } = await import("../sandbox/sandbox-certificate.js");
    const { ca, server } = await sandboxCertificate();
    caFile = path.resolve(values["ca-cert"] ?? "sandbox-ca.pem");
    await writeFileAtomic(caFile, ca.cert);
    tls = server;
  }
  const options = resolveSandboxOptions({
    port: port ?? 0,
    defects,
    rateLimit: rateLimitFrom(values),
    describedProducts: values["described-products"],
    tls,
  });

  const sandbox = await startSandbox({
    port: options.port,
    defects,
    credentials: options.credentials,
    rateLimit: options.rateLimit,
    describedProducts: options.describedProducts,
    tls: options.tls,
  });
  const stopped = waitForStopSignal();
  const lines = [`sandbox listening on ${sandbox.url}`, "accepts:"];
  for (const dialect of ["tencent", "alibaba", "zenlayer"] as const) {
    const { id } = options.credentials[dialect];
    const from =
      id === SANDBOX_CREDENTIALS[dialect].id ? "sandbox default" : `from ${CREDENTIAL_VARIABLES[dialect].id}`;
    lines.push(`  ${dialect.padEnd(9)} ${id} (${from})`);
  }
  lines.push(
    `throttling: ${options.rateLimit ? `${options.rateLimit.perSecond}/s, burst ${options.rateLimit.burst}, per access key` : "off"}`,
    `defects: ${defects.length > 0 ? defects.join(", ") : "none"}`,
    ...(caFile ? [`TLS: trust the CA certificate ${caFile} (NODE_EXTRA_CA_CERTS=${caFile})`] : []),
    `described products: ${options.describedProducts ? "every Tencent and Zenlayer actions document" : "off (--described-products)"}`,
    "Ctrl-C to stop.",
  );
  // --quiet keeps the one line a script needs: where the sandbox listens.
  process.stdout.write(`${(values.quiet ? lines.slice(0, 1) : lines).join("\n")}\n`);
  const signal = await stopped;
  await sandbox.close();
  if (!values.quiet) process.stdout.write(`sandbox stopped (${signal})\n`);
  return EXIT_CONFORMANT;
}
