import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/app-error";
import {
  branchIdFilter,
  branchScope,
  requireApiScope,
  requireBranchAccess,
  requireStaffRole,
  requireTicketIssuer,
} from "./access";
import { anonymousCaller, type Caller, type StaffCaller } from "./caller";
import { staffCallerFromRow } from "./staff-caller";

const company = "c1";
const staff = (role: StaffCaller["role"], branches: StaffCaller["branches"]): StaffCaller => ({
  kind: "staff",
  companyId: company,
  staffId: "s1",
  role,
  branches,
});
const kiosk: Caller = {
  kind: "device",
  companyId: company,
  deviceId: "d1",
  deviceKind: "KIOSK",
  branchId: "b1",
};
const board: Caller = { ...kiosk, deviceKind: "DISPLAY" };
const holder: Caller = { kind: "ticketHolder", companyId: company, ticketId: "t1" };
const admin: Caller = { kind: "superAdmin", adminId: "a1" };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : "not an AppError";
  }
  return "passed";
};

describe("the access module", () => {
  it("gives each caller its branches: staff as resolved, a device its own, others none", () => {
    expect(branchScope(staff("COMPANY_ADMIN", "ALL"))).toBe("ALL");
    expect(branchScope(staff("BRANCH_MANAGER", ["b1", "b2"]))).toEqual(["b1", "b2"]);
    expect(branchScope(kiosk)).toEqual(["b1"]);
    for (const c of [holder, admin, anonymousCaller(company)]) expect(branchScope(c)).toEqual([]);
    expect(branchIdFilter(staff("COMPANY_ADMIN", "ALL"))).toBeNull();
    expect(branchIdFilter(kiosk)).toEqual(["b1"]);
  });

  it("answers a branch out of reach with not-found and a wrong role with forbidden", () => {
    expect(codeOf(() => requireBranchAccess(staff("OPERATOR", ["b1"]), "b1"))).toBe("passed");
    expect(codeOf(() => requireBranchAccess(staff("OPERATOR", ["b1"]), "b2"))).toBe(
      "404 NOT_FOUND",
    );
    expect(codeOf(() => requireBranchAccess(anonymousCaller(company), "b1"))).toBe("404 NOT_FOUND");
    expect(codeOf(() => requireStaffRole(staff("OPERATOR", ["b1"]), ["COMPANY_ADMIN"]))).toBe(
      "403 FORBIDDEN",
    );
    expect(codeOf(() => requireStaffRole(kiosk, ["OPERATOR"]))).toBe("401 UNAUTHENTICATED");
  });

  it("derives the ticket source from the caller and keeps a kiosk to its branch", () => {
    expect(requireTicketIssuer(staff("OPERATOR", ["b1"]), "b1")).toBe("WALK_IN");
    expect(requireTicketIssuer(kiosk, "b1")).toBe("KIOSK");
    expect(requireTicketIssuer(anonymousCaller(company), "b9")).toBe("ONLINE");
    const customer: Caller = {
      kind: "customer",
      companyId: company,
      customerId: "u1",
      phone: "+998901234567",
    };
    expect(requireTicketIssuer(customer, "b9")).toBe("ONLINE");
    expect(codeOf(() => requireTicketIssuer(kiosk, "b2"))).toBe("404 NOT_FOUND");
    expect(codeOf(() => requireTicketIssuer(staff("OPERATOR", ["b1"]), "b2"))).toBe(
      "404 NOT_FOUND",
    );
    for (const c of [board, holder, admin])
      expect(codeOf(() => requireTicketIssuer(c, "b1"))).toBe("403 FORBIDDEN");
  });

  it("gives an API key its company's every branch, the source API, and only its scopes", () => {
    const key: Caller = {
      kind: "apiKey",
      companyId: company,
      keyId: "k1",
      scopes: ["queue:read"],
      rateLimitPerMinute: 60,
    };
    expect(branchScope(key)).toBe("ALL");
    expect(requireTicketIssuer(key, "b9")).toBe("API");
    expect(codeOf(() => requireApiScope(key, "queue:read"))).toBe("passed");
    expect(codeOf(() => requireApiScope(key, "tickets:write"))).toBe("403 FORBIDDEN");
    for (const c of [kiosk, holder, admin, anonymousCaller(company)])
      expect(codeOf(() => requireApiScope(c, "queue:read"))).toBe("401 UNAUTHENTICATED");
  });

  it("resolves a staff row: admins reach all, others their branch and managed ones; gone or deactivated is signed out", () => {
    const row = { id: "s1", is_active: true, branch_id: "b1", extra_branch_ids: ["b2"] };
    expect(staffCallerFromRow(company, { ...row, role: "COMPANY_ADMIN" }).branches).toBe("ALL");
    expect(staffCallerFromRow(company, { ...row, role: "BRANCH_MANAGER" }).branches).toEqual([
      "b2",
      "b1",
    ]);
    expect(codeOf(() => staffCallerFromRow(company, undefined))).toBe("401 UNAUTHENTICATED");
    expect(
      codeOf(() => staffCallerFromRow(company, { ...row, role: "OPERATOR", is_active: false })),
    ).toBe("401 UNAUTHENTICATED");
  });
});
