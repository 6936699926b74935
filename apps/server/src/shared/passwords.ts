import { randomInt } from "node:crypto";
import { hash, verify, type Options } from "@node-rs/argon2";
import { AppError } from "./app-error";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const options: Options = {
  algorithm: 2 as Options["algorithm"],
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password, options);

/** Checks a password against its argon2id hash; false for a malformed hash. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so timing does not reveal it.
let decoy: Promise<string> | null = null;
/** Spends the same time as a real check, for unknown accounts. */
export async function burnPasswordCheck(password: string) {
  decoy ??= hashPassword("decoy-password-never-used");
  await verifyPassword(await decoy, password);
}

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
/** A one-time password a person can type: 12 characters without look-alikes (0/O, 1/l/I). */
export function generateOneTimePassword(length = 12): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Refuses passwords a person should not use; the message says what to do instead. */
export function assertStrongPassword(password: string, context: { email?: string } = {}) {
  const problems: string[] = [];
  if (password.length < 10) problems.push("use at least 10 characters");
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    problems.push("use both letters and digits");
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && password.toLowerCase().includes(local)) {
    problems.push("leave out your e-mail name");
  }
  if (problems.length) {
    const message = `This password is too simple: ${problems.join("; ")}.`;
    throw new AppError("WEAK_PASSWORD", message, { details: [{ path: "newPassword", message }] });
  }
}
