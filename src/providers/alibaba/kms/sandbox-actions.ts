import { createCipheriv, createHash, createHmac } from "node:crypto";
import { rejectUnknown, requirePresent } from "../../sandbox-kit/parameter-checks.js";
import { Refusal } from "../../sandbox-kit/refusal.js";
import { type AlibabaAction, checkAcceptLanguage, knownName } from "../sandbox/alibaba-action.js";

/** Every key exists in the sandbox, when its ID has one of KMS's shapes (key ID, UUID, alias, ARN). */
const KEY_SHAPES = [
  /^key-[A-Za-z0-9*]{8,64}$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^alias\/[A-Za-z0-9:/_-]{1,255}$/,
  /^acs:kms:[a-z0-9-]+:\d+:(key|alias)\/[A-Za-z0-9:/_*-]+$/,
];

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function uuidFrom(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The key a KeyId names: itself, or for an alias (and alias ARN) a key ID derived from the alias. */
function resolveKeyId(keyId: string): string {
  if (!KEY_SHAPES.some((shape) => shape.test(keyId))) {
    throw new Refusal("resource-not-found", {
      parameter: "KeyId",
      reason: `no key ${JSON.stringify(keyId)}`,
    });
  }
  const arn = /^acs:kms:[^:]+:\d+:(key|alias)\/(.+)$/.exec(keyId);
  const name = arn ? (arn[1] === "alias" ? `alias/${arn[2]}` : (arn[2] as string)) : keyId;
  if (!name.startsWith("alias/")) return name;
  return `key-${digest(name).toString("hex").slice(0, 20)}`;
}

/**
 * A deterministic "encryption" (the same call always answers the same ciphertext, so the JSON and XML
 * answers agree): AES-256-GCM with a key and IV derived from the key ID, context and plaintext. The blob
 * is key version ID (16 bytes) ‖ IV (12) ‖ ciphertext ‖ tag (16), Base64-encoded.
 */
function ciphertextBlob(keyId: string, keyVersionId: string, plaintext: string, context: string): string {
  const key = digest(`sandbox-kms-key:${keyId}`);
  const iv = createHmac("sha256", key).update(`${context}\n${plaintext}`, "utf8").digest().subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const encrypted = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const version = Buffer.from(keyVersionId.replace(/-/g, ""), "hex");
  return Buffer.concat([version, iv, encrypted, cipher.getAuthTag()]).toString("base64");
}

const ENCRYPT_PARAMS = new Set(["RegionId", "KeyId", "Plaintext", "EncryptionContext"]);

/** Encrypt: KeyId and Plaintext (at most 6144 bytes) required, EncryptionContext a JSON object of strings. */
const encrypt: AlibabaAction = {
  check(params) {
    rejectUnknown(params.keys(), (name) => knownName(name, ENCRYPT_PARAMS));
    const keyId = requirePresent(params.get("KeyId"), "KeyId");
    const plaintext = requirePresent(params.get("Plaintext"), "Plaintext");
    if (Buffer.byteLength(plaintext, "utf8") > 6144) {
      throw new Refusal("invalid-parameter", { parameter: "Plaintext", reason: "longer than 6144 bytes" });
    }
    const context = params.get("EncryptionContext");
    if (context !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(context);
      } catch {
        parsed = undefined;
      }
      const ok =
        typeof parsed === "object" &&
        parsed !== null &&
        !Array.isArray(parsed) &&
        Object.values(parsed).every((v) => typeof v === "string");
      if (!ok) {
        throw new Refusal("invalid-parameter", {
          parameter: "EncryptionContext",
          reason: "expected a JSON object of string values",
        });
      }
    }
    return {
      regionId: params.get("RegionId"),
      run() {
        const resolved = resolveKeyId(keyId);
        const keyVersionId = uuidFrom(digest(`sandbox-kms-version:${resolved}`));
        return {
          CiphertextBlob: ciphertextBlob(resolved, keyVersionId, plaintext, context ?? ""),
          KeyId: resolved,
          KeyVersionId: keyVersionId,
        };
      },
    };
  },
};

const DESCRIBE_REGIONS_PARAMS = new Set(["RegionId", "AcceptLanguage"]);

/** DescribeRegions: the regions where KMS is served. */
const describeRegions: AlibabaAction = {
  check(params, context) {
    rejectUnknown(params.keys(), (name) => knownName(name, DESCRIBE_REGIONS_PARAMS));
    checkAcceptLanguage(params);
    return {
      regionId: params.get("RegionId"),
      run: () => ({ Regions: { Region: context.product.regions.map((RegionId) => ({ RegionId })) } }),
    };
  },
};

export const KMS_ACTIONS: Record<string, AlibabaAction> = {
  Encrypt: encrypt,
  DescribeRegions: describeRegions,
};
