import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "./app-context";
import { auditRoutes } from "./modules/audit/audit.routes";
import { platformFigureRoutes } from "./modules/platform-figures";
import { branchRoutes } from "./modules/branches/branch.routes";
import { companyAuthRoutes } from "./modules/company-auth/company-auth.routes";
import { companyRoutes } from "./modules/companies/company.routes";
import { companySetupRoutes } from "./modules/company-setup/company-setup.routes";
import { counterRoutes } from "./modules/counters/counter.routes";
import { devicePublicRoutes } from "./modules/devices/device-public.routes";
import { deviceRoutes } from "./modules/devices/device.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { metricsRoutes } from "./modules/metrics/metrics.routes";
import { logoFileRoutes, logoUploadRoutes } from "./modules/logos/logo.routes";
import { outboxRoutes } from "./modules/outbox/outbox.routes";
import { bookingRoutes } from "./modules/booking/booking.routes";
import { customerRoutes } from "./modules/customer/customer.routes";
import { ratingAdminRoutes, ticketRatingRoutes } from "./modules/ratings/ratings.routes";
import { reportRoutes } from "./modules/reports/reports.routes";
import { portalRoutes } from "./modules/portal/portal.routes";
import { platformAuthRoutes } from "./modules/platform-auth/platform-auth.routes";
import { publicRoutes } from "./modules/public/public.routes";
import { kioskRoutes } from "./modules/kiosk/kiosk.routes";
import { displayRoutes } from "./modules/queue/http/display.routes";
import { publicTicketRoutes } from "./modules/queue/http/public-ticket.routes";
import { queueRoutes } from "./modules/queue/http/queue.routes";
import { serviceRoutes } from "./modules/services/service.routes";
import { staffMeRoutes } from "./modules/staff/staff-me.routes";
import { staffRoutes } from "./modules/staff/staff.routes";
import { resolveCompanyFromPath, companyHostRewrite } from "./modules/tenancy/tenancy";
import { registerWeb } from "./modules/web/web";
import { smsDeliveryRoutes } from "./modules/notifications/sms-delivery.routes";
import { telegramRoutes } from "./modules/notifications/telegram.routes";
import { accountChannelRoutes, pushRoutes } from "./modules/notifications/push.routes";
import { notificationSettingsRoutes } from "./modules/notifications/notification-settings.routes";
import { apiKeyRoutes } from "./modules/api-keys";
import { webhookRoutes } from "./modules/webhooks/webhook.routes";
import { slotFeedRoutes } from "./modules/slot-feed/slot-feed.routes";
import { publicApiRoutes, v1OpenApi } from "./modules/public-api";
import { installClientRateLimit } from "./modules/access";
import { boundedSerializerCompiler } from "./shared/http/bounded-serializer";
import { installCors } from "./shared/http/cors";
import { installErrorHandling } from "./shared/http/error-handler";
import { MAX_PATH_PART, onClientError, onFrameworkError } from "./shared/http/framework-errors";
import { installInputHygiene, markOptionalBodies } from "./shared/http/input-hygiene";
import { boundPathParams } from "./shared/http/path-params";
import { platformOpenApi } from "./shared/http/platform-openapi";
import { genRequestId } from "./shared/http/request-id";
import { usePlainFieldMessages } from "./shared/zod-messages";
import { QuietRequestLog } from "./shared/http/request-log";

export type BuildAppOptions = {
  logger: FastifyBaseLogger | boolean | { level: string };
  serveWeb?: boolean;
};

/** The HTTP application: every route, plugin and handler, around an already-built context. */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof opts.logger === "object" && "child" in opts.logger
      ? { loggerInstance: opts.logger }
      : {
          logger:
            opts.logger === false
              ? false
              : {
                  level: typeof opts.logger === "object" ? opts.logger.level : "info",
                  redact: [
                    "req.headers.authorization",
                    "req.headers.cookie",
                    "res.headers['set-cookie']",
                  ],
                },
        }),
    genReqId: genRequestId,
    logController: new QuietRequestLog(
      (request) => request.url === "/api/health" || request.url === "/api/ready",
    ),
    trustProxy: ctx.config.TRUST_PROXY,
    rewriteUrl: companyHostRewrite(ctx.config.BASE_DOMAIN),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: MAX_PATH_PART },
    // Kept as plain fields, then refused by name with the other input rules (input-hygiene.ts).
    onProtoPoisoning: "ignore",
    onConstructorPoisoning: "ignore",
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, so tests can prove each one refuses the wrong caller (see access.test.ts).
  const routeTable: { method: string; url: string }[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      if (method !== "HEAD") routeTable.push({ method, url: route.url });
  });
  // Who is calling: set by the caller hook of each realm (modules/access), read by the routes.
  app.decorateRequest("caller", undefined);
  usePlainFieldMessages();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(boundedSerializerCompiler(app.log));
  installErrorHandling(app);
  installInputHygiene(app);
  boundPathParams(app);
  installCors(app, ctx.publicUrl, ctx.config.BASE_DOMAIN);
  if (ctx.config.RATE_LIMIT_ENABLED) {
    installClientRateLimit(app, {
      perCaller: ctx.config.RATE_LIMIT_PER_CALLER_PER_MINUTE,
      perAddress: ctx.config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    });
  }
  // JSON only: a text body is refused with 415 rather than handed to a schema as a string.
  app.removeContentTypeParser("text/plain");
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // By route pattern (`/api/c/:slug/queue/call-next`), never the raw URL: bounded label sets.
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    ctx.metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'", "ws:", "wss:"],
        mediaSrc: ["'self'", "data:"],
        // Branch LANs and company subdomains may be plain HTTP; TLS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 5 },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "E-Queue API",
        version: "0.1.0",
        description: "Multi-tenant queue management platform.",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description:
              "A staff, Super Admin or customer access token: a short-lived JWS following RFC8725 (algorithm pinned, issuer and audience checked), renewed with the refresh cookie.",
          },
          // Paired kiosks and display boards: `Authorization: Device <token>`.
          device: {
            type: "apiKey",
            in: "header",
            name: "Authorization",
            description: "A paired device's token, sent as `Device <token>`.",
          },
          // The public API (/api/v1): a company's API key, eqk_{prefix}_{secret}.
          apiKey: { type: "http", scheme: "bearer", bearerFormat: "eqk_{prefix}_{secret}" },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) =>
      "openapiObject" in doc ? markOptionalBodies(doc.openapiObject) : doc.swaggerObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () =>
    platformOpenApi(app.swagger(), ctx.publicUrl),
  );
  // The integrators' document: the /api/v1 operations alone, with their refusals and limits.
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () =>
    v1OpenApi(app.swagger(), ctx.publicUrl),
  );

  await app.register(healthRoutes(ctx), { prefix: "/api" });
  await app.register(metricsRoutes(ctx));
  await app.register(publicRoutes(ctx), { prefix: "/api/public" });
  await app.register(smsDeliveryRoutes(ctx), { prefix: "/api/public" });
  await app.register(telegramRoutes(ctx), { prefix: "/api/public" });
  await app.register(pushRoutes(ctx), { prefix: "/api/public" });
  await app.register(slotFeedRoutes(ctx), { prefix: "/api/public" });
  await app.register(logoFileRoutes(ctx), { prefix: "/api/files" });
  await app.register(customerRoutes(ctx), { prefix: "/api/customer" });
  await app.register(publicApiRoutes(ctx), { prefix: "/api/v1" });
  await app.register(accountChannelRoutes(ctx), { prefix: "/api/customer" });
  await app.register(
    async (platform) => {
      await platform.register(platformAuthRoutes(ctx));
      await platform.register(companyRoutes(ctx));
      await platform.register(logoUploadRoutes(ctx));
      await platform.register(outboxRoutes(ctx));
      await platform.register(auditRoutes(ctx));
      await platform.register(platformFigureRoutes(ctx));
    },
    { prefix: "/api/platform" },
  );
  await app.register(
    async (company) => {
      resolveCompanyFromPath(company, ctx.directory);
      await company.register(companyAuthRoutes(ctx));
      // Everything a company sets up before the first customer: the admin API under /admin.
      await company.register(
        async (admin) => {
          // Any change to the set-up (hours, staff, schedules, services, caps, texts) reaches
          // bookings and notifications at once: what they keep of the company is dropped before
          // answering.
          admin.addHook("onSend", async (request, _reply, payload) => {
            if (request.method !== "GET" && request.company) {
              ctx.bookings.invalidate(request.company.id);
              ctx.notificationTexts.invalidate(request.company.id);
            }
            return payload;
          });
          await admin.register(branchRoutes(ctx));
          await admin.register(serviceRoutes(ctx));
          await admin.register(counterRoutes(ctx));
          await admin.register(staffRoutes(ctx));
          await admin.register(deviceRoutes(ctx));
          await admin.register(companySetupRoutes(ctx));
          await admin.register(ratingAdminRoutes(ctx));
          await admin.register(notificationSettingsRoutes(ctx));
          await admin.register(reportRoutes(ctx));
          await admin.register(apiKeyRoutes(ctx));
          await admin.register(webhookRoutes(ctx));
        },
        { prefix: "/admin" },
      );
      await company.register(staffMeRoutes(ctx));
      await company.register(devicePublicRoutes(ctx));
      await company.register(queueRoutes(ctx));
      await company.register(displayRoutes(ctx));
      await company.register(kioskRoutes(ctx));
      await company.register(publicTicketRoutes(ctx));
      await company.register(ticketRatingRoutes(ctx));
      await company.register(portalRoutes(ctx));
      await company.register(bookingRoutes(ctx));
    },
    { prefix: "/api/c/:slug" },
  );

  await registerWeb(app, {
    baseDomain: ctx.config.BASE_DOMAIN,
    ...(opts.serveWeb === false && { distDir: "/nonexistent" }),
  });
  return app;
}
