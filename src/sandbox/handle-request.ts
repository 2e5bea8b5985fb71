import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpAnswer } from "../providers/sandbox-kit/reply.js";
import { type SandboxRequest, toSandboxRequest } from "../providers/sandbox-kit/sandbox-request.js";
import { applyAnswerDefects, applyDefects } from "./apply-defects.js";
import { DIALECT_SANDBOXES, dialectSandbox } from "./dialect-sandboxes.js";
import { internalError, notRecognized, tooLarge } from "./plain-answers.js";
import { readBody } from "./read-body.js";
import type { SandboxContext } from "./sandbox-context.js";
import { MAX_REQUEST_BODY_BYTES } from "./sandbox-options.js";

/** The answer to one request: recognised and handled by its dialect, defects applied, rendered. */
export function answer(request: SandboxRequest, context: SandboxContext): HttpAnswer {
  for (const dialect of DIALECT_SANDBOXES) {
    const reply = dialect.handle(request, context);
    if (!reply) continue;
    const planned = applyDefects(reply, context);
    return applyAnswerDefects(
      dialectSandbox(planned.reply.dialect).render(planned.reply, planned.hints),
      context,
    );
  }
  return notRecognized();
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
