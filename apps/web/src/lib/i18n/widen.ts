/**
 * Plural forms beyond the Uzbek "one"/"other" that another language needs: Russian also has
 * "few" (2–4) and "many" (5–20). A key written as `x_one` + `x_other` in Uzbek may have them.
 */
type ExtraPlurals<T> = {
  [
    K in keyof T as K extends `${infer Base}_other` ? `${Base}_few` | `${Base}_many` : never
  ]?: string;
};

/** The shape a translation of Uzbek texts `T` must match: the same keys, any wording. */
export type Widen<T> = {
  [K in keyof T]: T[K] extends string ? string : Widen<T[K]>;
} & ExtraPlurals<T>;
