import { describe, expect, it } from "vitest";
import { ErrorCode } from "@equeue/contracts";
import { en } from "./i18n/en";
import { queueUz } from "./i18n/queue/uz";
import { ru } from "./i18n/ru";
import { uzSetup } from "./i18n/setup/uz";
import { uz } from "./i18n/uz";

// The server's codes (@equeue/contracts) against the texts the web shows for
// them. `useErrorMessage` reads `errors`; the operator's workplace (`queue.errors`) and the
// company set-up and pairing screens (`setup.errors`) add codes only they can receive.
const serverCodes = Object.values(ErrorCode);
const general = Object.keys(uz.errors);
const areaOnly = [...Object.keys(queueUz.errors), ...Object.keys(uzSetup.errors)];
/** Codes the web makes itself (`lib/api/http.ts`), never sent by the server. */
const clientCodes = ["NETWORK"];

describe("error messages", () => {
  it("has a message for every code the server sends", () => {
    const missing = serverCodes.filter(
      (code) => !general.includes(code) && !areaOnly.includes(code),
    );
    expect(missing).toEqual([]);
  });

  it("translates no code the server does not send (a renamed code would stay untranslated)", () => {
    const unknown = general.filter(
      (code) => !(serverCodes as string[]).includes(code) && !clientCodes.includes(code),
    );
    expect(unknown).toEqual([]);
  });

  it("gives an area's code one message, in its area or in the general list", () => {
    expect(areaOnly.filter((code) => general.includes(code))).toEqual([]);
  });

  it("has the general messages in Russian and English too, none empty", () => {
    for (const texts of [uz.errors, ru.errors, en.errors]) {
      expect(Object.keys(texts).sort()).toEqual([...general].sort());
      for (const text of Object.values(texts)) expect(text.trim()).not.toBe("");
    }
  });

  it("writes Uzbek with its own apostrophes, never the ASCII one", () => {
    const ascii = Object.entries(uz.errors).filter(([, text]) => text.includes("'"));
    expect(ascii).toEqual([]);
  });
});
