/** Small well-formed envelopes to vary one field at a time in rule tables. */
export const TENCENT_ID = "b5b41468-520d-4192-b42f-595cc34b6c1c";
export const ALIBABA_ID = "4C467B38-3910-447D-87BC-AC049166F216";
export const ZENLAYER_ID = "T67723B59-F4D1-42EA-BDC1-5E67167FD8CC";

export const tencentSuccess = (extra: Record<string, unknown> = {}) => ({
  Response: { RequestId: TENCENT_ID, ...extra },
});
export const tencentError = (code: unknown = "InvalidParameter", message: unknown = "Parameter error.") => ({
  Response: { Error: { Code: code, Message: message }, RequestId: TENCENT_ID },
});
export const alibabaSuccess = (extra: Record<string, unknown> = {}) => ({ RequestId: ALIBABA_ID, ...extra });
export const alibabaError = (code = "InvalidParameter", extra: Record<string, unknown> = {}) => ({
  RequestId: ALIBABA_ID,
  HostId: "ess.aliyuncs.com",
  Code: code,
  Message: "The specified parameter is not valid.",
  ...extra,
});
export const zenlayerSuccess = (response: Record<string, unknown> = {}) => ({
  requestId: ZENLAYER_ID,
  response: { requestId: ZENLAYER_ID, ...response },
});
export const zenlayerError = (code = "INVALID_ZONE_NOT_FOUND") => ({
  requestId: ZENLAYER_ID,
  code,
  message: "The specified zoneId `SEL--A` is not found",
});
