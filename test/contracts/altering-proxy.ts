import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** An answer as the proxy hands it to an alteration: status, headers (lower-case names) and body text. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Alteration = (answer: Answer) => Answer;

/** The request header that tells the proxy which alteration an interaction's answer gets. */
export const CASE_HEADER = "x-conformance-case";

export interface AlteringProxy {
  url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host"]);

/**
 * A loopback HTTP proxy in front of `upstream` (a built-in sandbox): it forwards each request unchanged
 * (without the case header), then lets the alteration its case header names change the answer, so that
 * Pact's Verifier meets a provider that is conformant but for one deliberate difference. Requests without
 * a case header (state set-up calls) pass through untouched.
 */
export async function startAlteringProxy(
  upstream: URL,
  alterations: Readonly<Record<string, Alteration>>,
): Promise<AlteringProxy> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const which = request.headers[CASE_HEADER];
      const alteration = typeof which === "string" ? alterations[which] : undefined;
      if (typeof which === "string" && !alteration) {
        response.writeHead(599, { "content-type": "text/plain" }).end(`no alteration named ${which}`);
        return;
      }
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(request.headers))
        if (value !== undefined && name !== CASE_HEADER && !HOP_BY_HOP.has(name)) headers[name] = value;
      const forwarded = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...headers, host: upstream.host },
        },
        (upstreamResponse) => {
          const body: Buffer[] = [];
          upstreamResponse.on("data", (chunk: Buffer) => body.push(chunk));
          upstreamResponse.on("end", () => {
            const answerHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(upstreamResponse.headers))
              if (typeof value === "string" && !HOP_BY_HOP.has(name)) answerHeaders[name] = value;
            const original: Answer = {
              status: upstreamResponse.statusCode ?? 502,
              headers: answerHeaders,
              body: Buffer.concat(body).toString("utf8"),
            };
            const answer = alteration ? alteration(original) : original;
            response
              .writeHead(answer.status, {
                ...answer.headers,
                "content-length": String(Buffer.byteLength(answer.body)),
              })
              .end(answer.body);
          });
        },
      );
      forwarded.on("error", (error) => response.writeHead(502).end(String(error)));
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An alteration of a JSON body. */
export const jsonBody =
  (change: (body: Record<string, unknown>) => void): Alteration =>
  (answer) => {
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    change(body);
    return { ...answer, body: JSON.stringify(body) };
  };

/** An alteration of a body's text. */
export const bodyText =
  (change: (text: string) => string): Alteration =>
  (answer) => ({ ...answer, body: change(answer.body) });

/** An alteration of one header: a new value, or (undefined) none. */
export const header =
  (name: string, value: string | undefined): Alteration =>
  (answer) => {
    const headers = { ...answer.headers };
    delete headers[name.toLowerCase()];
    if (value !== undefined) headers[name.toLowerCase()] = value;
    return { ...answer, headers };
  };

/** Several alterations, in order. */
export const both =
  (...alterations: Alteration[]): Alteration =>
  (answer) =>
    alterations.reduce((current, alteration) => alteration(current), answer);

interface PactJson {
  interactions: {
    description: string;
    request: { headers?: Record<string, string[]> };
  }[];
}

/**
 * A copy of a checked-in pact (contracts/FILE) with, for each case, a copy of the named interaction that
 * carries the case header (so the proxy can tell the copies apart) and the description "CASE: DESCRIPTION".
 * Written to `dir` (as `FILE`, or `as`); returns its path.
 */
export function pactOfCases(
  contractsDir: string,
  file: string,
  cases: readonly { name: string; interaction: string }[],
  dir: string,
  as = file,
): string {
  const pact = JSON.parse(readFileSync(path.join(contractsDir, file), "utf8")) as PactJson;
  pact.interactions = cases.map(({ name, interaction }) => {
    const original = pact.interactions.find((i) => i.description === interaction);
    if (!original) throw new Error(`${file} has no interaction "${interaction}"`);
    const copy = structuredClone(original);
    copy.description = `${name}: ${interaction}`;
    copy.request.headers = { ...copy.request.headers, [CASE_HEADER]: [name] };
    return copy;
  });
  const out = path.join(dir, as);
  writeFileSync(out, JSON.stringify(pact, null, 2));
  return out;
}
