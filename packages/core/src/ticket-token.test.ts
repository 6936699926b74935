import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUEUE_ERROR_CODE } from "./errors";
import { TICKET_TOKEN_BYTES, createTicketToken, isTicketToken, ticketLabel } from "./ticket-token";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// An independent decoder, so the encoder is checked against the RFC 4648 alphabet, not itself.
function decode(token: string): number[] {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of token) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return out;
}

describe("createTicketToken", () => {
  it("encodes the random bytes losslessly as unpadded base64url", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), (bytes) => {
        const token = createTicketToken(bytes);
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(token.length).toBe(Math.ceil((bytes.length * 8) / 6));
        expect(decode(token)).toEqual([...bytes]);
        expect(isTicketToken(token)).toBe(true);
      }),
    );
  });

  it("matches the known encoding of a fixed input", () => {
    const bytes = Uint8Array.from({ length: TICKET_TOKEN_BYTES }, (_, i) => 250 + (i % 6));
    expect(createTicketToken(bytes)).toBe("-vv8_f7_-vv8_f7_-vv8_f7_");
  });

  it("refuses fewer than 128 bits of randomness", () => {
    expect(() => createTicketToken(new Uint8Array(15))).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INSUFFICIENT_RANDOMNESS }),
    );
  });
});

describe("isTicketToken", () => {
  it("rejects short, padded or foreign strings", () => {
    for (const s of [
      "",
      "abc",
      "a".repeat(21),
      `${"a".repeat(22)}=`,
      `${"a".repeat(22)}+`,
      "K-001",
      "a".repeat(129),
    ]) {
      expect(isTicketToken(s)).toBe(false);
    }
  });
});

describe("ticketLabel", () => {
  it("builds the plan's readable label", () => {
    expect(
      ticketLabel({
        companyCode: "hmk",
        branchCode: "TSH",
        serviceCode: "Kassa",
        number: 1,
        day: "2024-12-19",
      }),
    ).toBe("HMK_TSH_KASSA_001_20241219");
    expect(
      ticketLabel({
        companyCode: "HMK",
        branchCode: "SAM-2",
        serviceCode: "KREDIT",
        number: 1234,
        day: "2024-01-05",
      }),
    ).toBe("HMK_SAM2_KREDIT_1234_20240105");
  });

  it("refuses a bad day, number or empty code", () => {
    const ok = {
      companyCode: "HMK",
      branchCode: "TSH",
      serviceCode: "KASSA",
      number: 1,
      day: "2024-12-19",
    };
    expect(() => ticketLabel({ ...ok, day: "19.12.2024" })).toThrow(/YYYY-MM-DD/);
    expect(() => ticketLabel({ ...ok, number: 0 })).toThrow(/start at 1/);
    expect(() => ticketLabel({ ...ok, serviceCode: "—" })).toThrow(/serviceCode/);
  });
});
