import { afterEach, describe, expect, it } from "vitest";
import { buzz } from "./use-buzz";

const realNavigator = Object.getOwnPropertyDescriptor(globalThis, "navigator");
const fakeNavigator = (hasBeenActive: boolean | undefined, calls: unknown[]) =>
  Object.defineProperty(globalThis, "navigator", {
    configurable: true,
    value: {
      userActivation: hasBeenActive === undefined ? undefined : { hasBeenActive },
      vibrate: (pattern: unknown) => calls.push(pattern) > 0,
    },
  });

afterEach(() => {
  if (realNavigator) Object.defineProperty(globalThis, "navigator", realNavigator);
  else Reflect.deleteProperty(globalThis, "navigator");
});

describe("buzz", () => {
  it("stays silent on a page the person has not touched yet", () => {
    const calls: unknown[] = [];
    fakeNavigator(false, calls);
    expect(buzz(200)).toBe(false);
    expect(calls).toEqual([]);
  });

  it("vibrates once the page was touched, or where the browser cannot say", () => {
    const calls: unknown[] = [];
    fakeNavigator(true, calls);
    expect(buzz([300, 150, 300])).toBe(true);
    fakeNavigator(undefined, calls);
    expect(buzz(200)).toBe(true);
    expect(calls).toEqual([[300, 150, 300], 200]);
  });
});
