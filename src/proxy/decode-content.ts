import zlib from "node:zlib";

export type DecodedContent = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The text of a body as it crossed the wire, its Content-Encoding undone (gzip, deflate, br, in the
 * reverse of the order applied), never inflated past `maxBytes`: the proxy passes the encoded bytes on
 * unchanged and judges the decoded copy. An unknown encoding, or bytes that do not decode, is a reason.
 */
export function decodeContent(raw: Buffer, encoding: string | undefined, maxBytes: number): DecodedContent {
  const codings = (encoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  let body = raw;
  try {
    for (const coding of codings.reverse()) {
      const options = { maxOutputLength: maxBytes };
      if (coding === "gzip" || coding === "x-gzip") body = zlib.gunzipSync(body, options);
      else if (coding === "deflate") body = zlib.inflateSync(body, options);
      else if (coding === "br") body = zlib.brotliDecompressSync(body, options);
      else
        return {
          ok: false,
          reason: `response Content-Encoding ${JSON.stringify(coding)} is not one the proxy decodes`,
        };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason:
        code === "ERR_BUFFER_TOO_LARGE"
          ? `response body decodes to more than ${maxBytes} bytes (--max-body-bytes)`
          : `response body does not decode as ${encoding}: ${(error as Error).message}`,
    };
  }
  return { ok: true, text: body.toString("utf8") };
}
