import { z } from "zod";

/** The largest page a list answers. */
export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` with sane bounds, shared by every list endpoint. */
export const pagingQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item).max(MAX_PAGE_SIZE),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
