import type { Rolldown } from "vite";
import { describe, expect, it } from "vitest";
import { staffCodeInPublicFaces } from "../../../vite/face-isolation.ts";

const SRC = "/repo/apps/web/src";

/** The few fields of a Rollup chunk the check reads. */
const chunk = (
  fileName: string,
  moduleIds: string[],
  more: { name?: string; imports?: string[]; dynamicImports?: string[] } = {},
) =>
  ({
    type: "chunk",
    fileName,
    name: more.name ?? fileName,
    isEntry: more.name !== undefined,
    imports: more.imports ?? [],
    dynamicImports: more.dynamicImports ?? [],
    moduleIds: moduleIds.map((m) => `${SRC}/${m}`),
  }) as unknown as Rolldown.OutputChunk;

const entries = (portalDynamic: string[] = []) => [
  chunk("portal.js", ["entries/portal.tsx"], {
    name: "portal",
    imports: ["react.js"],
    dynamicImports: portalDynamic,
  }),
  chunk("kiosk.js", ["entries/kiosk.tsx", "features/kiosk/components/kiosk-screen.tsx"], {
    name: "kiosk",
    imports: ["react.js"],
  }),
  chunk("board.js", ["entries/board.tsx"], { name: "board", imports: ["react.js"] }),
  chunk("staff.js", ["entries/staff.tsx", "app/routes/admin/audit-page.tsx"], { name: "staff" }),
  chunk("react.js", ["lib/cn.ts"]),
];

describe("staff code stays out of the portal, the kiosk and the board", () => {
  it("passes a build whose public faces load only their own code", () => {
    expect(
      staffCodeInPublicFaces(entries(["track.js"]).concat(chunk("track.js", ["x.tsx"]))),
    ).toEqual({});
  });

  it("finds staff code a public face could load later, through import()", () => {
    const build = [
      ...entries(["lazy.js"]),
      chunk("lazy.js", ["app/routes/portal/page.tsx"], { imports: ["setup.js"] }),
      chunk("setup.js", ["features/company-setup/components/branches/branch-form.tsx"]),
    ];
    expect(staffCodeInPublicFaces(build)).toEqual({
      portal: [`${SRC}/features/company-setup/components/branches/branch-form.tsx`],
    });
  });
});
