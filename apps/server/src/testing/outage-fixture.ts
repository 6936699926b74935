import type { AddressInfo } from "node:net";
import { companyDb, type CompanyRecord } from "../modules/tenancy";
import type { LoadTarget } from "./issue-load";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "./queue-factories";
import type { TestPlatform } from "./test-platform";

/** A listening platform with one branch and one operator to issue tickets as. */
export async function outageTarget(
  p: TestPlatform,
): Promise<LoadTarget & { company: CompanyRecord }> {
  await p.app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  const { company, slug } = await createQueueCompany(p);
  const setup = await createBranchWithService(p.ctx, company);
  const branchId = setup.branch.id;
  const serviceId = setup.services[0]!.id;
  const op = await createQueueOperator(p.ctx, company, { branchId, serviceIds: [serviceId] });
  return { baseUrl: () => base, slug, token: op.token, branchId, serviceId, company };
}

/** How many of these ticket ids exist in the company's tables. */
export async function countTickets(
  p: TestPlatform,
  company: CompanyRecord,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await companyDb(p.ctx.db, company)
    .selectFrom("tickets")
    .select("id")
    .where("id", "in", ids)
    .execute();
  return rows.length;
}
