import sharp from "sharp";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateCompanyAdmin,
  call,
  createCompany,
  createTestPlatform,
  loginSuperAdmin,
  NEW_PASSWORD,
  type TestPlatform,
} from "../../testing";

function multipart(field: string, filename: string, type: string, content: Buffer) {
  const boundary = "----eqtest" + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe("super admin: companies", () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await createTestPlatform();
    token = await loginSuperAdmin(p.app);
    for (const [slug, name] of [
      ["hamkorbank", "Hamkorbank"],
      ["kapitalbank", "Kapital Bank"],
      ["aloqabank", "Aloqabank"],
    ]) {
      await createCompany(p.app, token, { slug, name, adminEmail: `admin@${slug}.uz` });
    }
  });
  afterAll(() => p.close());

  it("lists with search, status filter and paging", async () => {
    const all = await call(p.app, "GET", "/api/platform/companies", { token });
    expect(all.json().total).toBe(3);
    const search = await call(p.app, "GET", "/api/platform/companies?search=kapital", { token });
    expect(search.json().items.map((c: { slug: string }) => c.slug)).toEqual(["kapitalbank"]);
    const page = await call(p.app, "GET", "/api/platform/companies?pageSize=2&page=2", { token });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json().items).toHaveLength(1);
    const active = await call(p.app, "GET", "/api/platform/companies?status=ACTIVE", { token });
    expect(active.json().total).toBe(0);
    const badStatus = await call(p.app, "GET", "/api/platform/companies?status=NOPE", { token });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.details[0].path).toBe("status");
  });

  it("edits details but never the slug", async () => {
    const [c] = (
      await call(p.app, "GET", "/api/platform/companies?search=hamkor", { token })
    ).json().items;
    const edited = await call(p.app, "PATCH", `/api/platform/companies/${c.id}`, {
      token,
      body: { name: "Hamkorbank ATB", phone: "+998 71 200 00 00", defaultLanguage: "ru" },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: "Hamkorbank ATB",
      phone: "+998 71 200 00 00",
      defaultLanguage: "ru",
      slug: "hamkorbank",
    });
    const branding = await p.ctx.db
      .withSchema("t_hamkorbank")
      .selectFrom("branding")
      .select("name")
      .executeTakeFirstOrThrow();
    expect(branding.name).toBe("Hamkorbank ATB");
    const slug = await call(p.app, "PATCH", `/api/platform/companies/${c.id}`, {
      token,
      body: { slug: "other" },
    });
    expect(slug.statusCode).toBe(400);
    expect(slug.json().error.code).toBe("SLUG_IMMUTABLE");
    const badPhone = await call(p.app, "PATCH", `/api/platform/companies/${c.id}`, {
      token,
      body: { phone: "call me" },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details).toEqual([
      { path: "phone", code: "invalid_phone", message: expect.stringContaining("+998") },
    ]);
    const missing = await call(
      p.app,
      "GET",
      "/api/platform/companies/00000000-0000-4000-8000-000000000000",
      { token },
    );
    expect(missing.statusCode).toBe(404);
  });

  it("describes a company in three languages, and the directory searches each of them", async () => {
    const created = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: {
        slug: "xalqbank",
        name: "Xalq Banki",
        adminEmail: "admin@xalqbank.uz",
        description: { uz: " Xalq banki ", ru: "Народный банк", en: "" },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().description).toEqual({ uz: "Xalq banki", ru: "Народный банк" });
    const id = created.json().id;
    await activateCompanyAdmin(p.app, p.ctx, { slug: "xalqbank", adminEmail: "admin@xalqbank.uz" });
    await call(p.app, "POST", `/api/platform/companies/${id}/activate`, { token });
    const found = await call(
      p.app,
      "GET",
      `/api/public/companies?search=${encodeURIComponent("народный")}`,
    );
    expect(found.json().items).toEqual([
      expect.objectContaining({
        slug: "xalqbank",
        description: { uz: "Xalq banki", ru: "Народный банк" },
      }),
    ]);
    // A key is not text: "ru" finds nobody by the description's language names.
    expect((await call(p.app, "GET", "/api/public/companies?search=ru")).json().items).toEqual([]);
    const page = await call(p.app, "GET", "/api/c/xalqbank/portal");
    expect(page.json().company.description).toEqual({ uz: "Xalq banki", ru: "Народный банк" });

    // A plain string is not a description in three languages; {} and null clear it.
    const plain = await call(p.app, "PATCH", `/api/platform/companies/${id}`, {
      token,
      body: { description: "Faqat oʻzbekcha" },
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.details[0].path).toBe("description");
    for (const cleared of [{}, { uz: " ", ru: "" }, null]) {
      const res = await call(p.app, "PATCH", `/api/platform/companies/${id}`, {
        token,
        body: { description: cleared },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().description).toBeNull();
      await call(p.app, "PATCH", `/api/platform/companies/${id}`, {
        token,
        body: { description: { en: "Again" } },
      });
    }
    const tooLong = await call(p.app, "PATCH", `/api/platform/companies/${id}`, {
      token,
      body: { description: { ru: "я".repeat(1001) } },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0]).toMatchObject({
      path: "description.ru",
      message: "Use at most 1000 characters.",
    });
    const unknown = await call(p.app, "PATCH", `/api/platform/companies/${id}`, {
      token,
      body: { description: { de: "Bank" } },
    });
    expect(unknown.statusCode).toBe(400);
    await call(p.app, "POST", `/api/platform/companies/${id}/suspend`, { token });
  });

  it("only ACTIVE companies are public; suspension shuts the company's realm", async () => {
    const [c] = (await call(p.app, "GET", "/api/platform/companies?search=aloqa", { token })).json()
      .items;
    const before = await call(p.app, "GET", "/api/public/companies");
    expect(before.json().items).toEqual([]);
    const admin = await activateCompanyAdmin(p.app, p.ctx, {
      slug: "aloqabank",
      adminEmail: "admin@aloqabank.uz",
    });

    const activated = await call(p.app, "POST", `/api/platform/companies/${c.id}/activate`, {
      token,
    });
    expect(activated.json()).toMatchObject({ status: "ACTIVE", activatedAt: expect.any(String) });
    expect(
      (await call(p.app, "GET", "/api/public/companies"))
        .json()
        .items.map((x: { slug: string }) => x.slug),
    ).toEqual(["aloqabank"]);
    expect(
      (await call(p.app, "POST", `/api/platform/companies/${c.id}/activate`, { token })).statusCode,
    ).toBe(409);

    await call(p.app, "POST", `/api/platform/companies/${c.id}/suspend`, { token });
    expect((await call(p.app, "GET", "/api/public/companies")).json().items).toEqual([]);
    const refused = await call(p.app, "POST", "/api/c/aloqabank/auth/login", {
      body: { email: admin.email, password: NEW_PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("COMPANY_SUSPENDED");
    expect(
      (await call(p.app, "GET", "/api/c/aloqabank/auth/me", { token: admin.token })).statusCode,
    ).toBe(403);

    const audit = await call(p.app, "GET", `/api/platform/audit?companyId=${c.id}`, { token });
    const actions = audit.json().items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "company.create",
        "company.activate",
        "company.suspend",
        "auth.login",
      ]),
    );
    expect(audit.json().items[0]).toMatchObject({
      actorType: "SUPER_ADMIN",
      companySlug: "aloqabank",
      ip: expect.any(String),
    });
  });

  it("soft-deletes, restores, and purges only after an export", async () => {
    const c = await createCompany(p.app, token, { slug: "doomed" });
    expect(
      (await call(p.app, "POST", `/api/platform/companies/${c.id}/purge`, { token })).statusCode,
    ).toBe(409);
    const deleted = await call(p.app, "DELETE", `/api/platform/companies/${c.id}`, { token });
    expect(deleted.json().status).toBe("DELETED");
    expect((await call(p.app, "GET", "/api/c/doomed/info")).statusCode).toBe(404);
    const restored = await call(p.app, "POST", `/api/platform/companies/${c.id}/restore`, {
      token,
    });
    expect(restored.json().status).toBe("INACTIVE");
    await call(p.app, "DELETE", `/api/platform/companies/${c.id}`, { token });

    const exported = await call(p.app, "GET", `/api/platform/companies/${c.id}/export`, { token });
    expect(exported.headers["content-disposition"]).toContain("doomed-export.json");
    expect(exported.json().tables.staff[0]).not.toHaveProperty("password_hash");

    const purged = await call(p.app, "POST", `/api/platform/companies/${c.id}/purge`, { token });
    expect(purged.statusCode).toBe(200);
    expect(purged.json().exportFile).toMatch(/^doomed-.*\.json$/);
    const schemas = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.schemata where schema_name = 't_doomed'`.execute(
      p.ctx.db,
    );
    expect(schemas.rows[0]!.n).toBe(0);
    expect(
      (await call(p.app, "GET", `/api/platform/companies/${c.id}`, { token })).statusCode,
    ).toBe(404);
    // The slug is free again.
    await createCompany(p.app, token, { slug: "doomed" });
  });

  it("resends the invite while the first password is pending, and not after", async () => {
    const c = await createCompany(p.app, token, { slug: "resend", adminEmail: "admin@resend.uz" });
    const res = await call(p.app, "POST", `/api/platform/companies/${c.id}/resend-invite`, {
      token,
    });
    expect(res.statusCode).toBe(200);
    const mails = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("id")
      .where("recipient", "=", "admin@resend.uz")
      .execute();
    expect(mails).toHaveLength(2);
    await activateCompanyAdmin(p.app, p.ctx, { slug: "resend", adminEmail: "admin@resend.uz" });
    const again = await call(p.app, "POST", `/api/platform/companies/${c.id}/resend-invite`, {
      token,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("INVITE_NOT_PENDING");
  });

  it("accepts a logo, shrinks it, and refuses other files", async () => {
    const big = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: "#1a6" },
    })
      .jpeg()
      .toBuffer();
    const jpeg = multipart("file", "logo.jpg", "image/jpeg", big);
    const up = await p.app.inject({
      method: "POST",
      url: "/api/platform/logos",
      headers: { authorization: `Bearer ${token}`, ...jpeg.headers },
      payload: jpeg.payload,
    });
    expect(up.statusCode).toBe(201);
    const { logoId, url } = up.json();
    const img = await p.app.inject({ method: "GET", url });
    expect(img.headers["content-type"]).toBe("image/png");
    const meta = await sharp(img.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([512, 341]);

    const c = await createCompany(p.app, token, { slug: "withlogo", logoId });
    expect(c.logoUrl).toBe(url);

    const text = multipart("file", "logo.png", "image/png", Buffer.from("not an image at all"));
    const bad = await p.app.inject({
      method: "POST",
      url: "/api/platform/logos",
      headers: { authorization: `Bearer ${token}`, ...text.headers },
      payload: text.payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("LOGO_INVALID");

    const huge = multipart("file", "huge.png", "image/png", Buffer.alloc(2 * 1024 * 1024 + 10, 1));
    const tooBig = await p.app.inject({
      method: "POST",
      url: "/api/platform/logos",
      headers: { authorization: `Bearer ${token}`, ...huge.headers },
      payload: huge.payload,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe("LOGO_TOO_LARGE");

    const cut = await p.app.inject({
      method: "POST",
      url: "/api/platform/logos",
      headers: { authorization: `Bearer ${token}`, ...jpeg.headers },
      payload: jpeg.payload.subarray(0, 500),
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.message).toMatch(/cut off or malformed/);

    const unknownLogo = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: {
        name: "X Co",
        slug: "xco",
        adminEmail: "a@xco.uz",
        logoId: "00000000-0000-4000-8000-000000000000",
      },
    });
    expect(unknownLogo.statusCode).toBe(400);
    expect(unknownLogo.json().error.details).toEqual([
      { path: "logoId", code: "not_found", message: expect.stringContaining("upload it again") },
    ]);
  });
});
