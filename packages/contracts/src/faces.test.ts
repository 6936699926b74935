import { describe, expect, it } from "vitest";
import { faceOfPath } from "./faces";

const PATHS = [
  "/",
  "/me",
  "/t/abc",
  "/admin",
  "/admin/login",
  "/admin/companies/3/edit",
  "/c/hamkorbank",
  "/c/hamkorbank/t/abc.def",
  "/c/hamkorbank/b/toshkent",
  "/b/toshkent",
  "/c/hamkorbank/admin",
  "/c/hamkorbank/admin/login",
  "/c/hamkorbank/operator",
  "/operator",
  "/k/hamkorbank/toshkent",
  "/d/hamkorbank/toshkent",
  "/nothing/here",
];

describe("faceOfPath", () => {
  it("sends each role to its face", () => {
    expect(faceOfPath("/", false)).toBe("portal");
    expect(faceOfPath("/c/x/t/abc", false)).toBe("portal");
    expect(faceOfPath("/c/x/b/toshkent", false)).toBe("portal");
    expect(faceOfPath("/c/x", false)).toBe("portal");
    expect(faceOfPath("/admin/companies", false)).toBe("staff");
    expect(faceOfPath("/c/x/operator", false)).toBe("staff");
    expect(faceOfPath("/operator", true)).toBe("staff");
    expect(faceOfPath("/operator", false)).toBe("portal");
    expect(faceOfPath("/k/x/y", false)).toBe("kiosk");
    expect(faceOfPath("/d/x/y", false)).toBe("board");
    // The customer's account and the bare tracking link are the portal's, on any host.
    for (const path of ["/t/abc", "/me", "/sign-in"]) {
      expect(faceOfPath(path, false)).toBe("portal");
      expect(faceOfPath(path, true)).toBe("portal");
    }
  });

  // Company pages live at the root of a company host only: elsewhere the path is the portal's.
  it.each(PATHS)("gives %s one face on a company host and one elsewhere", (path) => {
    for (const host of [false, true])
      expect(["portal", "staff", "kiosk", "board"]).toContain(faceOfPath(path, host));
    expect(faceOfPath(path, true)).toBe(path === "/operator" ? "staff" : faceOfPath(path, false));
  });
});
