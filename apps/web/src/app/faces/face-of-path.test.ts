import { describe, expect, it } from "vitest";
import { faceOfPath as serverFaceOfPath } from "../../../../server/src/modules/web/faces";
import { faceOfPath } from "./face-of-path";

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
  });

  // The browser reloads when a path belongs to another face; if the server answered that path
  // with a different face than the browser expects, the page would reload forever.
  it.each(PATHS)("agrees with the server on %s", (path) => {
    for (const host of [false, true])
      expect(faceOfPath(path, host)).toBe(serverFaceOfPath(path, host));
  });
});
