/** The parts of an `ALGORITHM Credential=…, SignedHeaders=…, Signature=…` header (TC3, ACS3, ZC2). */
export interface AuthorizationParts {
  algorithm: string;
  credential: string;
  signedHeaders: string;
  signature: string;
}

/**
 * Reads an Authorization header of the given algorithm. Separators may be "," or ", " (ACS3 uses the
 * first, TC3 and ZC2 the second). Undefined when the header is absent, of another algorithm, or lacks a
 * part.
 */
export function parseAuthorization(
  header: string | undefined,
  algorithm: string,
): AuthorizationParts | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${algorithm} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(algorithm.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential || !signedHeaders || !signature) return undefined;
  return { algorithm, credential, signedHeaders, signature };
}
