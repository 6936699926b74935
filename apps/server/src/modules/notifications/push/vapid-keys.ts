import webpush from "web-push";
import type { Db } from "../../../db/database";

/** The platform's VAPID identity: push services see its public key on every message. */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/**
 * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when both are set; else a pair generated once and kept in
 * `platform.settings` (one row, so two nodes starting together agree on one pair). A browser's
 * subscription is bound to the public key it was made with: changing the pair silences every
 * existing subscriber until they subscribe again.
 */
export async function resolveVapidKeys(
  db: Db,
  config: { publicKey?: string | undefined; privateKey?: string | undefined; subject: string },
): Promise<VapidKeys> {
  if (config.publicKey && config.privateKey) {
    return { publicKey: config.publicKey, privateKey: config.privateKey, subject: config.subject };
  }
  const fresh = webpush.generateVAPIDKeys();
  await db
    .insertInto("platform.settings")
    .values({ key: "vapid_keys", value: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("platform.settings")
    .select("value")
    .where("key", "=", "vapid_keys")
    .executeTakeFirstOrThrow();
  const stored = JSON.parse(row.value) as { publicKey: string; privateKey: string };
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject: config.subject };
}
