export { slugify } from "../../../lib/slugify";

/** Same rule as the server: starts with a letter, single dashes, 3–40 characters. */
export const SLUG_PATTERN = /^(?=.{3,40}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
