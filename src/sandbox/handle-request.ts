import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAlibaba } from "./alibaba/alibaba-handler.js";
import { renderAlibaba } from "./alibaba/render-alibaba.js";
import { applyAnswerDefects, applyDefects } from "./apply-defects.js";
import { internalError, notRecognized, tooLarge } from "./plain-answers.js";
import { readBody } from "./read-body.js";
import { recognizeDialect } from "./recognize-dialect.js";
import type { HttpAnswer, Reply } from "./reply.js";
import type { SandboxContext } from "./sandbox-context.js";
import { MAX_REQUEST_BODY_BYTES } from "./sandbox-options.js";
import { type SandboxRequest, toSandboxRequest } from "./sandbox-request.js";
import { renderTencent } from "./tencent/render-tencent.js";
import { handleTencent } from "./tencent/tencent-handler.js";
import { renderZenlayer } from "./zenlayer/render-zenlayer.js";
import { handleZenlayer } from "./zenlayer/zenlayer-handler.js";

const RENDERERS = { tencent: renderTencent, alibaba: renderAlibaba, zenlayer: renderZenlayer } as const;

/** The answer to one request: recognised, handled, defects applied, rendered. */
export function answer(request: SandboxRequest, context: SandboxContext): HttpAnswer {
  const recognition = recognizeDialect(request);
  if (!recognition) return notRecognized();
  let reply: Reply;
  switch (recognition.dialect) {
    case "tencent":
      reply = handleTencent(request, context);
      break;
    case "alibaba":
      reply = handleAlibaba(request, recognition, context);
      break;
    case "zenlayer":
      reply = handleZenlayer(request, context);
      break;
  }
  const planned = applyDefects(reply, context);
  return applyAnswerDefects(RENDERERS[planned.reply.dialect](planned.reply, planned.hints), context);
}

function send(response: ServerResponse, result: HttpAnswer, close = false): void {
  if (response.headersSent) return;
  const body = Buffer.from(result.body, "utf8");
  response.writeHead(result.status, {
    ...result.headers,
    "Content-Length": String(body.length),
    ...(close ? { Connection: "close" } : {}),
  });
  response.end(body);
}

/** The node:http request listener. It never throws: whatever goes wrong, the server keeps answering. */
export async function handleRequest(
  message: IncomingMessage,
  response: ServerResponse,
  context: SandboxContext,
): Promise<void> {
  try {
    const read = await readBody(message, MAX_REQUEST_BODY_BYTES);
    if (!read.ok) {
      if (read.reason === "too-large") send(response, tooLarge(), true);
      else response.destroy();
      return;
    }
    send(response, answer(toSandboxRequest(message, read.body), context));
  } catch (error) {
    process.stderr.write(`sandbox: ${(error as Error)?.stack ?? String(error)}\n`);
    send(response, internalError());
  }
}
