import { DEFAULT_TIMEOUTS } from "../live/http-exchange.js";
import { GATE_USAGE_LINES } from "./gate-options.js";
import { LIVE_USAGE } from "./live-options.js";
import { productIds } from "./product-ids.js";

export const MAIN_USAGE = `Usage: conformance <command> [options]

Checks Tencent Cloud API 3.0, Alibaba Cloud RPC (KMS, ESS; JSON and XML) and Zenlayer Cloud responses
against their documented envelopes, and gates releases on the result.

Commands:
  run                     the main job: start the built-in sandbox, call every action and probe
                          against it, check the recorded target (recordings/), write the report and
                          exit by the gate; --target URL runs against a real or private target instead
  check PATH…             check recorded exchanges: HAR 1.2 files, NDJSON files, or folders of them
  gate REPORT             decide a release from a conformance.json report
  sandbox                 run the built-in sandbox in the foreground
  record --out FILE.har   call a live target and save what it answered, credentials redacted
  merge REPORT…           combine the reports of a sharded run's shards into one
  contracts generate|verify  write the Pact V4 contracts, or verify a target against them
  proxy [-- COMMAND…]      judge your SDK's own traffic as it passes (forward proxy with TLS
                          interception, or reverse proxy that re-signs), then report and gate;
                          with COMMAND: run it through the proxy, stop when it exits
  rules                   list every rule: id, severity in force, default, dialects, source document
  init                    write conformance.config.json and a GitHub Actions workflow to start from

Run "conformance <command> --help" for a command's options.

Exit codes: 0 conformant (gate passed), 1 not conformant (gate failed), 2 usage or input error.
`;

const COMMON_OPTIONS = `  --report-dir DIR        where to write the reports (default: reports/)
  --reporter LIST         formats, comma-separated: json (conformance.json), junit (junit.xml),
                          html (index.html), markdown (summary.md), badge (badge.json); default all
                          five; github (GitHub Actions annotations on stdout and the job summary in
                          $GITHUB_STEP_SUMMARY) only when named
  --shard I/N             judge only the I-th of N deterministic slices (merge the shards' reports
                          with "conformance merge")
  --run-id ID             names the run in the report (default: the CI run, else random); the
                          shards of one run must share it
  --config FILE           configuration file (default: ./conformance.config.json when present)
  --max-body-bytes N      skip bodies larger than N bytes, as input errors (default: 33554432)
  --max-results N         list at most N exchanges with findings (and N skipped ones) in full in
                          conformance.json, the first in source order; the others are counted
                          (default: maxResults of the configuration, else 1000)
  --quiet                 no progress and no summary on the terminal
  -h, --help              show this help`;

export const CHECK_USAGE = `Usage: conformance check PATH… [options]

Checks every exchange in the given HAR 1.2 files (*.har), NDJSON files (*.ndjson, *.jsonl; one exchange a
line, see docs/inputs.md) or folders of them, writes reports/conformance.json, prints a summary and exits
by the gate. Dialect, product, action and format are read from each request (docs/rules.md lists the
rules). Each file is read once, however often it is named. A FIFO or process substitution (<(…)) named
here is read as a stream; inside a folder only regular files are read.

Options:
${COMMON_OPTIONS}
  --dialect D             judge only tencent, alibaba or zenlayer exchanges (repeat or comma-separate);
                          the others are listed as skipped
  --product P             judge only these products (${productIds()}, or any other service name)
  --workers N|auto        worker threads that parse and judge while the main thread reads, and judges
                          what they have no room for (default: auto: with 3 cores or more and 8 MB of
                          files or more, one per core but the reader's, else none; 0: none; on 2 cores
                          --workers 1 is faster for about 100 MiB more); the report is the same whatever
                          the number, apart from timings
${GATE_USAGE_LINES}

Exit codes: 0 gate passed, 1 gate failed (a checked exchange failed, or nothing was checked), 2 usage
error, unreadable input or Ctrl-C (damaged files and entries are named in the report's inputErrors; the
rest is still checked; an interrupted check writes the report of what was read).
`;

export const RUN_USAGE = `Usage: conformance run [options]

The main job. With no --target: starts the built-in sandbox on a free loopback port, signs and sends every
action call and probe to it, then checks the configured recorded target ("recordings" in
conformance.config.json; default the shipped recordings/), writes reports/conformance.json, prints a
summary, and exits by the gate. With --target URL: the same calls and probes against that target only.
--actions adds a call per described action it selects (read-only ones unless --mutating).

Options:
${LIVE_USAGE}
${COMMON_OPTIONS}
${GATE_USAGE_LINES}

Exit codes: 0 gate passed, 1 gate failed (non-conformant answers, transport failures, or nothing checked),
2 usage error, missing credentials for --target, unreadable input, or an interrupted run (Ctrl-C writes the
report so far).
`;

export const RECORD_USAGE = `Usage: conformance record --out FILE.har [options]

Calls a live target (--target URL, default the built-in sandbox) as "conformance run" does and saves every
exchange it saw to FILE.har, with Authorization headers, signatures, key ids, passwords and tokens
replaced by [REDACTED]. The recording carries each exchange's dialect, action and probe, so
"conformance check FILE.har" judges it as the live run did. Also writes the report.

Options:
  --out FILE.har          where to write the recording (required)
${LIVE_USAGE}
${COMMON_OPTIONS}
${GATE_USAGE_LINES}

Exit codes: 0 gate passed, 1 gate failed, 2 usage error, an unwritable recording or an interrupted run
(the recording then holds the exchanges answered so far).
`;

export const GATE_USAGE = `Usage: conformance gate REPORT [options]

Decides whether a release may ship from a conformance.json report, prints the verdict and why, and writes
it into summary.md and badge.json beside the report. It fails when the score is below --min-score, when
a failure is not accepted by the baseline (or an accepted one passes now), when nothing was checked, when
the report is incomplete (input errors, interrupted run) or when live calls failed in transport. "run" and
"check" take the same options and exit by the same decision.

Options:
${GATE_USAGE_LINES}
  --update-baseline       write the report's current failures to --baseline FILE (keeping reasons)
  --quiet                 print nothing; the exit code says it
  -h, --help              show this help

Exit codes: 0 gate passed (or baseline written), 1 gate failed, 2 the file is not a conformance report,
a corrupt baseline, or a usage error.
`;

export const RULES_USAGE = `Usage: conformance rules [options]

Lists every rule the engine has, in report order: its id, the severity in force (the configuration's,
marked "(config)", else the rule's own; "off" when it does not run), its default, the dialects it judges
and the document it enforces (docs/rules.md has the sentence).

Options:
  --json                  an array of { id, severity, defaultSeverity, onByDefault, configured, dialects,
                          description, source: { document, quote } } instead of the table
  --config FILE           configuration file (default: ./conformance.config.json when present)
  -h, --help              show this help

Exit codes: 0 listed, 2 a usage error or a configuration that does not validate.
`;

export const INIT_USAGE = `Usage: conformance init [options]

Writes, to start from: conformance.config.json (every rule with its default severity, the limits with
their defaults, "$schema" naming the configuration's schema) and .github/workflows/conformance.yml (a
GitHub Actions job that runs your SDK's tests through "conformance proxy" with the github reporter, the
credentials from the repository's secrets, the reports uploaded as an artifact; a "conformance run"
step against CONFORMANCE_TARGET, commented out). Refuses to overwrite a file that exists, and then
writes nothing.

Options:
  --dir DIR               the project folder to write into (default: .)
  --force                 overwrite the files that exist
  --quiet                 print nothing
  -h, --help              show this help

Exit codes: 0 written, 2 a file exists (named; --force overwrites), it cannot be written, or a usage
error.
`;

export const MERGE_USAGE = `Usage: conformance merge REPORT… [options]

Combines the conformance.json reports of the shards of one run (--shard 1/N … N/N, same --run-id and
suite) into the report the unsharded run would have written, apart from timings, and writes it in every
format. Reports of different runs or suites, a shard given twice or a missing shard: exit 2.

Options:
  --report-dir DIR        where to write the merged reports (default: reports/)
  --reporter LIST         formats (default: all; see "conformance check --help")
  --quiet                 no summary on the terminal
  -h, --help              show this help
`;

export const PROXY_USAGE = `Usage: conformance proxy [options] [-- COMMAND [ARG…]]

Judges the traffic of your SDK's own tests as it passes: each exchange is checked as in "conformance
check", recorded with --record, and the report (every format) is written when the proxy stops: at Ctrl-C
or SIGTERM, after --until-idle, or when COMMAND exits. It exits by the gate, so a CI step can be
"conformance proxy -- go test ./...". See docs/proxy.md.

Both modes are served on the one port:
  forward   the SDK keeps its real endpoints and reaches them through HTTPS_PROXY=http://HOST:PORT; the
            proxy ends TLS for the providers' hosts (*.tencentcloudapi.com, *.aliyuncs.com,
            console.zenlayer.com), the hosts in the configuration's "hosts" and the --upstream hosts with
            a certificate from its own CA (trust ca.pem), and tunnels every other host untouched.
            Nothing in the request changes, so its signature stays valid.
  reverse   the SDK's endpoint is http://HOST:PORT; each request goes to --reverse URL, else to the public
            host it names (the TC3 scope's service, the Alibaba product of its Version and RegionId,
            console.zenlayer.com), re-signed for that host (TC3, ACS3, ZC2) with
            TENCENTCLOUD_SECRET_ID/_KEY, ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET or
            ZENLAYERCLOUD_ACCESS_KEY_ID/_PASSWORD.

Options:
  --port N                port to listen on (default: 0, a free one; the address is printed)
  --listen ADDR           address to listen on (default: 127.0.0.1)
  --upstream HOST=URL     send the requests for HOST to URL instead (repeatable): a provider's
                          sandbox host, a private gateway; the Host header becomes URL's and the
                          request is re-signed for it
  --keep-host             with --upstream: keep the Host header (and signature) the SDK sent, as curl
                          --connect-to does (URL's TLS certificate is still checked for URL's host)
  --reverse URL           reverse mode's upstream, for every request made to the proxy's address
  --ca-dir DIR            the proxy's CA: ca.pem (trust this one), ca-key.pem (private),
                          ca-bundle.pem (Node's root CAs and ca.pem, for SSL_CERT_FILE); made when
                          missing, reused when present (default: .conformance/proxy-ca)
  --record FILE.har       also save every exchange that passed, credentials redacted
  --until-idle SECONDS    stop once nothing has been in flight for SECONDS
  --connect-timeout MS    to the upstream (default ${DEFAULT_TIMEOUTS.connectMs}); no answer in time is a
  --headers-timeout MS    transport failure, and the client gets a 504 (default ${DEFAULT_TIMEOUTS.headersMs})
  --body-timeout MS       default ${DEFAULT_TIMEOUTS.bodyMs}
  --report-dir DIR        where to write the reports (default: reports/)
  --reporter LIST         formats (default: all five; see "conformance check --help"; github when named)
  --run-id ID             names the run in the report
  --config FILE           configuration file (default: ./conformance.config.json when present)
  --max-body-bytes N      judge bodies up to N bytes (default: 33554432); a longer answer still
                          reaches the client whole and is reported as a transport failure (too-large)
  --max-results N         list at most N exchanges with findings (and N skipped ones) in full in
                          conformance.json; the others are counted (default: the configuration's, 1000)
  --quiet                 print only the "proxy listening on URL" line
  -h, --help              show this help
${GATE_USAGE_LINES}

COMMAND runs with HTTPS_PROXY, HTTP_PROXY, https_proxy and http_proxy set to the proxy,
NODE_EXTRA_CA_CERTS to the CA (with any you had), SSL_CERT_FILE, REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE to
ca-bundle.pem, and CONFORMANCE_PROXY_URL to the proxy (the endpoint for reverse mode). Go, Python
(requests), curl and tencentcloud-sdk-nodejs read these; Java needs ca.pem in its trust store and
-Dhttps.proxyHost/-Dhttps.proxyPort.

Exit codes: 0 gate passed, 1 gate failed (non-conformant answers, transport failures, or nothing
checked), 2 usage error, a CA or recording that cannot be used, or COMMAND not found; when COMMAND fails,
its own exit code (the report is written all the same).
`;
