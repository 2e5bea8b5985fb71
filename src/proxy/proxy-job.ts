import { loadConfig } from "../config/load-config.js";
import { createEngine } from "../engine/engine.js";
import { ReportBuilder } from "../engine/report-builder.js";
import { HarWriter } from "../live/har-writer.js";
import type { Timeouts } from "../live/http-exchange.js";
import { displayUrl, redactExchange, runSecrets, scrubText } from "../live/redact.js";
import { credentialsFromEnv } from "../providers/credentials.js";
import { type CaFiles, openCaDirectory } from "../tls/ca-directory.js";
import type { ConformanceReport } from "../types/generated/report.js";
import { type ProxyItem, type RunningProxy, startProxyServer } from "./proxy-server.js";

export interface ProxyJobOptions {
  listen: { host: string; port: number };
  /** `host` or `host:port` (lower-case) → the URL its requests go to instead. */
  upstreams: ReadonlyMap<string, URL>;
  keepHost: boolean;
  reverse?: URL | undefined;
  caDir: string;
  recordTo?: string | undefined;
  config?: string | undefined;
  maxBodyBytes?: number | undefined;
  maxResults?: number | undefined;
  timeouts: Timeouts;
  runId?: string | undefined;
  env?: NodeJS.ProcessEnv;
  onProgress?: (progress: { file: string; exchanges: number }) => void;
  onNotice?: (message: string) => void;
}

export interface ProxyJob {
  /** The proxy's address: HTTPS_PROXY for forward mode, the SDK's endpoint for reverse mode. */
  url: string;
  ca: { files: CaFiles; created: boolean };
  server: RunningProxy;
  /** Stops the proxy (the requests in flight finish first) and builds the report of what passed. */
  stop(): Promise<ProxyJobResult>;
}

export interface ProxyJobResult {
  report: ConformanceReport;
  recorded?: { file: string; exchanges: number };
  /** Why `--record` could not be written (a FileWriteError naming the file), when it could not. */
  recordingError?: Error;
  /** Connections to other hosts passed through untouched (not read, not judged). */
  tunnelled: number;
}

/**
 * `conformance proxy` without its terminal: the CA, the server, and one report of every exchange that
 * passed, each redacted (every credential value the proxy knows, and what each request carries) before it
 * is judged or recorded.
 */
export async function startProxyJob(options: ProxyJobOptions): Promise<ProxyJob> {
  const env = options.env ?? process.env;
  const config = await loadConfig(options.config);
  const maxBodyBytes = options.maxBodyBytes ?? config.maxBodyBytes;
  const engine = await createEngine(config);
  const { ca, files, created } = await openCaDirectory(options.caDir);
  const credentials = credentialsFromEnv(env);
  const upstreamUrls = [...options.upstreams.values(), ...(options.reverse ? [options.reverse] : [])];
  // Every credential value the proxy knows: the variables' (it re-signs with them) and the upstream URLs'.
  const secrets = [
    ...new Set([
      ...Object.values(credentials).flatMap(({ id, secret }) => [id, secret]),
      ...upstreamUrls.flatMap((url) => runSecrets(credentials, url)),
    ]),
  ];
  const har = options.recordTo
    ? new HarWriter(options.recordTo, {
        onError: (error) => options.onNotice?.(`recording stopped: ${error.message}`),
      })
    : undefined;
  await har?.open();
  const builder = new ReportBuilder(engine, [], {
    runId: options.runId,
    maxResults: options.maxResults ?? config.maxResults,
  });
  let seen = 0;

  const account = (item: ProxyItem) => {
    seen++;
    if (item.kind === "skipped") {
      builder.skip({ ...item.source, file: displayUrl(item.source.file) }, scrubText(item.reason, secrets));
    } else if (item.kind === "transport-failure") {
      builder.addTarget({ kind: "live", location: displayUrl(item.upstream) });
      builder.transportFailure({
        source: { ...item.source, file: displayUrl(item.source.file) },
        kind: item.failureKind,
        message: scrubText(item.message, secrets),
        durationMs: item.durationMs,
      });
    } else {
      builder.addTarget({ kind: "live", location: displayUrl(item.upstream) });
      const exchange = redactExchange(item.exchange, secrets);
      builder.judge(exchange);
      har?.write(exchange, item.startedAt, item.durationMs);
    }
    options.onProgress?.({ file: "proxy", exchanges: seen });
  };

  let server: RunningProxy;
  try {
    server = await startProxyServer({
      listen: options.listen,
      ca,
      upstreams: options.upstreams,
      keepHost: options.keepHost,
      reverse: options.reverse,
      hosts: config.hosts ?? [],
      credentials,
      timeouts: options.timeouts,
      maxBodyBytes,
      onItem: account,
      onNotice: options.onNotice,
    });
  } catch (error) {
    await har?.discard();
    throw error;
  }

  return {
    url: server.url,
    ca: { files, created },
    server,
    async stop() {
      await server.stop();
      const result: ProxyJobResult = { report: builder.build(), tunnelled: server.tunnelled() };
      if (har) {
        // A recording that failed does not cost the report: the caller says so and exits 2.
        try {
          result.recorded = { file: har.file, exchanges: await har.close() };
        } catch (error) {
          result.recordingError = error as Error;
        }
      }
      return result;
    },
  };
}
