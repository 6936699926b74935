import { timingSafeEqual } from "node:crypto";
import {
  TICKET_SOURCE,
  TICKET_STATUS,
  TICKET_TOKEN_BYTES,
  businessDay,
  createTicketToken,
  formatTicketNumber,
  seriesFor,
  type NumberScheme,
} from "@equeue/core";
import { sql } from "kysely";
import type { AccessTokens } from "../access";
import type { DeviceCaller } from "../access";
import { AppError, notFound } from "../../shared/app-error";
import { servicesShown } from "../devices";
import { isUniqueViolationOf, runQueueTransaction, type QueueDeps } from "../queue";
import { TICKET_EVENT, type CompanyQueryDb } from "../queue";
import { ticketFact } from "../queue";
import { insertTicketWithEvent } from "../queue";
import type { CompanyRecord } from "../tenancy";
import { kioskDevice } from "./kiosk.service";
import type { OfflineBlockDto, OfflineSyncResultDto, OfflineTicketInput } from "./offline.schema";

/** Numbers reserved per series at a time: few, so an unused block leaves only a small gap. */
export const OFFLINE_BLOCK_SIZE = 10;
// An offline ticket's clock may run a little ahead of the server's.
const CLOCK_SKEW_MS = 5 * 60_000;

type Keys = Pick<AccessTokens, "digest">;
type RangeKey = {
  companyId: string;
  branchId: string;
  deviceId: string;
  day: string;
  series: string;
  from: number;
  to: number;
};

const sameProof = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const macOf = (keys: Keys, r: RangeKey, reservedAt?: number) =>
  keys
    .digest(
      "kiosk-offline-block",
      [r.companyId, r.branchId, r.deviceId, r.day, r.series, r.from, r.to]
        .concat(reservedAt === undefined ? [] : [reservedAt])
        .join("|"),
    )
    .toString("base64url");

/**
 * The proof of a block: when it was reserved (epoch seconds) and a MAC over the block and that
 * time, "<seconds>.<mac>". The kiosk hands it back as it got it; the time bounds the issue times
 * of the block's tickets from below, so none can be dated before its number existed.
 */
const proofOf = (keys: Keys, r: RangeKey, reservedAt: Date) => {
  const seconds = Math.floor(reservedAt.getTime() / 1000);
  return `${seconds}.${macOf(keys, r, seconds)}`;
};

/**
 * When the block of `proof` was reserved, or null when the proof is not the platform's. A proof
 * without a time (reserved before proofs carried one, on that same day) is taken as reserved at
 * the start of its day.
 */
function reservedAtOf(keys: Keys, r: RangeKey, proof: string): Date | null {
  const dot = proof.indexOf(".");
  if (dot < 0) return sameProof(macOf(keys, r), proof) ? new Date(0) : null;
  const seconds = Number(proof.slice(0, dot));
  if (!Number.isSafeInteger(seconds) || !sameProof(macOf(keys, r, seconds), proof.slice(dot + 1))) {
    return null;
  }
  return new Date(seconds * 1000);
}

/**
 * The tracking token of an offline ticket, known before the ticket exists: the kiosk prints it
 * in the QR code, the server recomputes it when the ticket arrives. Unguessable without the
 * platform's secret, and one number has one token, so a replay cannot make a second ticket.
 */
const offlineToken = (
  keys: Keys,
  companyId: string,
  branchId: string,
  day: string,
  series: string,
  n: number,
) =>
  createTicketToken(
    keys
      .digest("kiosk-offline-ticket", [companyId, branchId, day, series, n].join("|"))
      .subarray(0, TICKET_TOKEN_BYTES),
  );

async function kioskBranch(db: CompanyQueryDb, branchId: string) {
  const branch = await db
    .selectFrom("branches")
    .select(["id", "time_zone", "number_scheme"])
    .where("id", "=", branchId)
    .executeTakeFirst();
  if (!branch) throw notFound("The kiosk's branch");
  return branch;
}

/** The kiosk's services grouped by the series their kiosk tickets are numbered in. */
async function seriesOfServices(db: CompanyQueryDb, caller: DeviceCaller, scheme: NumberScheme) {
  const { row } = await kioskDevice(db, caller);
  const shown = await servicesShown(db, row);
  const bySeries = new Map<string, typeof shown>();
  for (const s of shown) {
    const series = seriesFor({ scheme, source: TICKET_SOURCE.KIOSK, serviceLetter: s.letter });
    bySeries.set(series, [...(bySeries.get(series) ?? []), s]);
  }
  return bySeries;
}

/**
 * Reserves, for today in the branch, the next OFFLINE_BLOCK_SIZE numbers of every series this
 * kiosk issues in — taken from the same counter online tickets use, so no number can be given
 * twice — with a proof the kiosk hands back when it syncs (nothing is stored) and the tracking
 * token of each number for its QR codes.
 */
export async function reserveOfflineBlock(
  keys: Keys,
  db: CompanyQueryDb,
  company: CompanyRecord,
  caller: DeviceCaller,
  now: Date,
): Promise<OfflineBlockDto> {
  const { settings } = await kioskDevice(db, caller);
  if (!settings.offlineIssuing) {
    throw new AppError(
      "FORBIDDEN",
      "Offline issuing is off for this kiosk; turn it on in the kiosk's settings.",
    );
  }
  const branch = await kioskBranch(db, caller.branchId);
  const day = businessDay(now, branch.time_zone);
  const ranges: OfflineBlockDto["ranges"] = [];
  for (const [series, services] of await seriesOfServices(db, caller, branch.number_scheme)) {
    const { last_number: to } = await db
      .insertInto("ticket_series")
      .values({ branch_id: branch.id, day, series, last_number: OFFLINE_BLOCK_SIZE })
      .onConflict((oc) =>
        oc.columns(["branch_id", "day", "series"]).doUpdateSet({
          last_number: sql<number>`${sql.ref("ticket_series.last_number")} + ${OFFLINE_BLOCK_SIZE}`,
        }),
      )
      .returning("last_number")
      .executeTakeFirstOrThrow();
    const from = to - OFFLINE_BLOCK_SIZE + 1;
    const key = {
      companyId: company.id,
      branchId: branch.id,
      deviceId: caller.deviceId,
      day,
      series,
      from,
      to,
    };
    ranges.push({
      series,
      serviceIds: services.map((s) => s.id),
      from,
      to,
      proof: proofOf(keys, key, now),
      tokens: Array.from({ length: OFFLINE_BLOCK_SIZE }, (_, i) =>
        offlineToken(keys, company.id, branch.id, day, series, from + i),
      ),
    });
  }
  return { day, ranges };
}

/**
 * Takes in tickets the kiosk issued while the server was away, each from a block reserved for
 * this kiosk: with its own number, its original issue time (so it takes its fair place in line)
 * and the tracking token its QR code already shows. Idempotent: a number already in is reported
 * as a duplicate and nothing is created.
 */
export async function syncOfflineTickets(
  deps: QueueDeps & { tokens: Keys },
  db: CompanyQueryDb,
  company: CompanyRecord,
  caller: DeviceCaller,
  tickets: OfflineTicketInput[],
  now: Date,
): Promise<OfflineSyncResultDto> {
  const branch = await kioskBranch(db, caller.branchId);
  const bySeries = await seriesOfServices(db, caller, branch.number_scheme);
  const ids = [...new Set(tickets.map((t) => t.serviceId))];
  const services = new Map(
    (
      await db
        .selectFrom("services")
        .select(["id", "name", "priority"])
        .where("id", "in", ids)
        .execute()
    ).map((s) => [s.id, s]),
  );
  const results: OfflineSyncResultDto["results"] = [];
  for (const t of tickets) {
    const refuse = (reason: string) =>
      results.push({ series: t.series, number: t.number, status: "REFUSED", label: null, reason });
    const key = {
      companyId: company.id,
      branchId: branch.id,
      deviceId: caller.deviceId,
      day: t.day,
      series: t.series,
      from: t.from,
      to: t.to,
    };
    const reservedAt = reservedAtOf(deps.tokens, key, t.proof);
    if (!reservedAt) {
      refuse("The number block was not reserved for this kiosk.");
      continue;
    }
    if (t.number < t.from || t.number > t.to) {
      refuse("The number is outside its reserved block.");
      continue;
    }
    const service = services.get(t.serviceId);
    if (!service || !bySeries.get(t.series)?.some((s) => s.id === t.serviceId)) {
      refuse("This kiosk does not number that service in this series.");
      continue;
    }
    if (
      t.issuedAt.getTime() > now.getTime() + CLOCK_SKEW_MS ||
      businessDay(t.issuedAt, branch.time_zone) !== t.day
    ) {
      refuse("The issue time does not fall on the block's day.");
      continue;
    }
    // A number reserved at 15:00 was not issued at 09:00: that would put it ahead of everyone.
    if (t.issuedAt.getTime() < reservedAt.getTime() - CLOCK_SKEW_MS) {
      refuse("The issue time is before its number block was reserved.");
      continue;
    }
    const label = formatTicketNumber(t.series, t.number);
    try {
      await runQueueTransaction(
        deps,
        company,
        async (tx) => {
          const row = await insertTicketWithEvent(
            tx.db,
            tx.schema,
            {
              branch_id: branch.id,
              service_id: service.id,
              day: t.day,
              series: t.series,
              number: t.number,
              label,
              source: TICKET_SOURCE.KIOSK,
              status: TICKET_STATUS.WAITING,
              priority: service.priority,
              queued_at: t.issuedAt,
              appointment_at: null,
              customer_name: t.name ?? null,
              customer_phone: t.phone ?? null,
              language: t.language ?? null,
              token: offlineToken(deps.tokens, company.id, branch.id, t.day, t.series, t.number),
              preferred_operator_id: null,
              operator_id: null,
              counter_id: null,
              transferred_from: null,
              outcome_note: null,
              created_at: t.issuedAt,
              updated_at: now,
            },
            {
              at: t.issuedAt,
              type: TICKET_EVENT.ISSUE,
              actor: { staffId: null, counterId: null },
              data: { source: TICKET_SOURCE.KIOSK, offline: true, syncedAt: now.toISOString() },
            },
          );
          const view = { ...row, service_name: service.name, counter_number: null };
          tx.facts.push(ticketFact(view, TICKET_EVENT.ISSUE, null, now));
        },
        { singleStatement: true },
      );
      results.push({ series: t.series, number: t.number, status: "CREATED", label, reason: null });
    } catch (err) {
      if (!isUniqueViolationOf(err, "tickets_number") && !isUniqueViolationOf(err, "tickets_token"))
        throw err;
      results.push({
        series: t.series,
        number: t.number,
        status: "DUPLICATE",
        label,
        reason: null,
      });
    }
  }
  return { results };
}
