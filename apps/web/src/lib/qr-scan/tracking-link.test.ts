import { describe, expect, it } from "vitest";
import { trackingLinkOf } from "./tracking-link";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWx";

describe("trackingLinkOf", () => {
  it("reads our bare and company tracking links", () => {
    expect(trackingLinkOf(`https://equeue.uz/t/${TOKEN}`, "equeue.uz")).toEqual({
      token: TOKEN,
      slug: null,
      path: `/t/${TOKEN}`,
    });
    expect(trackingLinkOf(`http://localhost:5173/c/hamkor/t/${TOKEN}`, "localhost:5173")).toEqual({
      token: TOKEN,
      slug: "hamkor",
      path: `/c/hamkor/t/${TOKEN}`,
    });
    // A company's own host prints `/t/{token}` there.
    expect(trackingLinkOf(`https://hamkor.equeue.uz/t/${TOKEN}`, "equeue.uz")?.token).toBe(TOKEN);
  });

  it("refuses other sites, other pages and plain text", () => {
    expect(trackingLinkOf(`https://evil.example/t/${TOKEN}`, "equeue.uz")).toBeNull();
    expect(trackingLinkOf(`https://equeue.uz/c/hamkor`, "equeue.uz")).toBeNull();
    expect(trackingLinkOf(`https://equeue.uz/t/short`, "equeue.uz")).toBeNull();
    expect(trackingLinkOf("hello", "equeue.uz")).toBeNull();
    expect(trackingLinkOf(`javascript:alert(1)//t/${TOKEN}`, "equeue.uz")).toBeNull();
  });
});
