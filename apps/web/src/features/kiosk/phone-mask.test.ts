import { describe, expect, it } from "vitest";
import { addDigit, isCompletePhone, maskPhone, phoneForServer } from "./phone-mask";

describe("the kiosk's phone mask", () => {
  it("shows +998 and the groups, filling from the left", () => {
    expect(maskPhone("")).toBe("+998 __ ___ __ __");
    expect(maskPhone("901")).toBe("+998 90 1__ __ __");
    expect(maskPhone("901234567")).toBe("+998 90 123 45 67");
  });

  it("takes digits only, nine at most", () => {
    let digits = "";
    for (const key of "9012345678x") digits = addDigit(digits, key);
    expect(digits).toBe("901234567");
    expect(isCompletePhone(digits)).toBe(true);
    expect(isCompletePhone("90123")).toBe(false);
    expect(phoneForServer(digits)).toBe("+998901234567");
  });
});
