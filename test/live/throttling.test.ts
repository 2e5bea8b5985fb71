import { expect } from "chai";
import { backoffMs, isThrottled } from "../../src/live/throttling.js";

describe("throttling", () => {
  it("recognises the documented throttling answers", () => {
    expect(
      isThrottled(
        "tencent",
        "json",
        200,
        '{"Response":{"Error":{"Code":"RequestLimitExceeded.UinLimitExceeded","Message":"m"},"RequestId":"x"}}',
      ),
    ).to.equal(true);
    expect(
      isThrottled("alibaba", "json", 400, '{"Code":"Throttling","Message":"m","RequestId":"x"}'),
    ).to.equal(true);
    expect(isThrottled("alibaba", "xml", 429, "<KMS><Code>Rejected.Throttling</Code></KMS>")).to.equal(true);
    expect(
      isThrottled("zenlayer", "json", 400, '{"code":"REQUEST_LIMIT_EXCEEDED","message":"m","requestId":"x"}'),
    ).to.equal(true);
    expect(isThrottled("zenlayer", "json", 429, "not json")).to.equal(true);
  });

  it("does not mistake other errors for throttling", () => {
    expect(
      isThrottled(
        "tencent",
        "json",
        200,
        '{"Response":{"Error":{"Code":"LimitExceeded","Message":"quota"},"RequestId":"x"}}',
      ),
    ).to.equal(false);
    expect(isThrottled("alibaba", "json", 400, '{"Code":"InvalidParameter"}')).to.equal(false);
  });

  it("waits as long as the target asks, else backs off exponentially with jitter, capped", () => {
    expect(backoffMs(0, { "x-acs-retry-after": "250" })).to.equal(250);
    expect(backoffMs(0, { "retry-after": "2" })).to.equal(2000);
    expect(backoffMs(0, {}, () => 0)).to.equal(50);
    expect(backoffMs(3, {}, () => 1)).to.equal(1200);
    expect(backoffMs(12, {}, () => 1)).to.equal(5000);
  });
});
