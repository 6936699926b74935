import { describe, expect, it } from "vitest";
import {
  branchFieldOf,
  initialBranchValues,
  suggestCode,
  suggestSlug,
  toBranchInput,
} from "./branch-form-values";

describe("branch form", () => {
  it("suggests the kiosk slug and the code from the Uzbek name", () => {
    expect(suggestSlug("Toshkent filiali")).toBe("toshkent-filiali");
    expect(suggestSlug("G‘ijduvon bo‘limi")).toBe("gijduvon-bolimi");
    expect(suggestCode("Toshkent filiali")).toBe("TSH");
    expect(suggestCode("Samarqand filiali")).toBe("SMR");
  });

  it("sends minutes as seconds, an empty limit as none, and trimmed names", () => {
    const values = {
      ...initialBranchValues(),
      name: { uz: "  Toshkent filiali ", ru: "" },
      slug: "toshkent",
      code: "tsh",
      latitude: "41,311081",
      longitude: "69.240562",
      noShowGraceMinutes: "5",
      dailyTicketLimit: "",
      checkInLateMinutes: "10",
      lateArrival: "EXPIRE" as const,
    };
    const input = toBranchInput(values);
    expect(input.settings).toMatchObject({
      checkInEarlyMinutes: 15,
      checkInLateMinutes: 10,
      lateArrival: "EXPIRE",
    });
    expect(input.name).toEqual({ uz: "Toshkent filiali", ru: "" });
    expect(input.code).toBe("TSH");
    expect(input.latitude).toBeCloseTo(41.311081);
    expect(input.settings.noShowGraceSeconds).toBe(300);
    expect(input.settings.dailyTicketLimit).toBeNull();
    // An empty online cap lets online bookings take every operator; a number caps them.
    expect(input.settings.onlineCapPerSlot).toBeNull();
    expect(toBranchInput({ ...values, onlineCapPerSlot: " 2 " }).settings.onlineCapPerSlot).toBe(2);
    expect(input.timeZone).toBe("Asia/Tashkent");
  });

  it("shows a server problem with a setting at the field that holds it", () => {
    expect(branchFieldOf("settings.noShowGraceSeconds")).toBe("noShowGraceMinutes");
    expect(branchFieldOf("settings.bookingHorizonDays")).toBe("bookingHorizonDays");
    expect(branchFieldOf("settings.lateArrival")).toBe("lateArrival");
    expect(branchFieldOf("settings.onlineCapPerSlot")).toBe("onlineCapPerSlot");
    expect(branchFieldOf("name.uz")).toBe("name.uz");
  });
});
