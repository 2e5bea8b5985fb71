import type { Dialect } from "./dialect.js";

/** A key pair as each provider names it: Tencent SecretId/SecretKey, Alibaba AccessKey, Zenlayer key/password. */
export interface KeyPair {
  id: string;
  secret: string;
}

export type Credentials = Record<Dialect, KeyPair>;

/** The environment variables the official SDKs (and Zenlayer's Terraform provider) read. */
export const CREDENTIAL_VARIABLES: Record<Dialect, { id: string; secret: string }> = {
  tencent: { id: "TENCENTCLOUD_SECRET_ID", secret: "TENCENTCLOUD_SECRET_KEY" },
  alibaba: { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET" },
  zenlayer: { id: "ZENLAYERCLOUD_ACCESS_KEY_ID", secret: "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD" },
};

/**
 * The built-in sandbox's test credentials when the variables are unset: obviously fake, shaped like the
 * real ones (docs/sandbox.md). Never used against any other target.
 */
export const SANDBOX_CREDENTIALS: Credentials = {
  tencent: { id: "AKIDSANDBOXEXAMPLEsecretid0000000000", secret: "SandboxTencentSecretKeyEXAMPLE00" },
  alibaba: { id: "LTAI5tSandboxEXAMPLE0000", secret: "SandboxAlibabaAccessKeySecretEX" },
  zenlayer: { id: "ZLSANDBOXEXAMPLEKEYID000", secret: "SandboxZenlayerPasswordEXAMPLE00" },
};

/** Credentials from `env`, each dialect falling back to the sandbox's when both its variables are unset. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  const read = (dialect: Dialect): KeyPair => {
    const names = CREDENTIAL_VARIABLES[dialect];
    const id = env[names.id];
    const secret = env[names.secret];
    return id && secret ? { id, secret } : SANDBOX_CREDENTIALS[dialect];
  };
  return { tencent: read("tencent"), alibaba: read("alibaba"), zenlayer: read("zenlayer") };
}

/** Dialects whose credentials are missing (or half set) in `env`: a real target cannot be called for them. */
export function missingCredentials(env: NodeJS.ProcessEnv, dialects: readonly Dialect[]): string[] {
  return dialects.flatMap((dialect) => {
    const names = CREDENTIAL_VARIABLES[dialect];
    return env[names.id] && env[names.secret] ? [] : [`${dialect} (${names.id} and ${names.secret})`];
  });
}
