# E-Queue app image: one app process per container (run two or more behind nginx, see
# deploy/compose.yaml and docs/operations.md "Several nodes behind nginx").
#
# Not built in CI: there is no Docker engine on the CI machine. Its build steps are the commands
# CI runs — `npm ci` and `npm run build` (the web app, with the bundle budgets) — and the
# process it starts is the one systemd starts (deploy/systemd/equeue@.service) and the
# multi-node test runs behind nginx (apps/server/src/cluster.test.ts).

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Build: every dependency, then the web app (CI's "build the web app" step).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/core/package.json packages/core/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN npm ci
COPY . .
RUN npm run build

# 2. Runtime dependencies only (tsx included: the server runs its TypeScript sources).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/.npmrc ./
COPY --from=build /app/apps/server/package.json apps/server/
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/packages/contracts/package.json packages/contracts/
COPY --from=build /app/packages/core/package.json packages/core/
COPY --from=build /app/e2e/package.json e2e/
COPY --from=build /app/bench/package.json bench/
RUN npm ci --omit=dev && npm cache clean --force

# 3. The image: sources, runtime node_modules, the built web app; runs as `node`, not root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/var/lib/equeue
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/packages packages
COPY --from=build /app/apps/server apps/server
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/apps/web/dist apps/web/dist
RUN mkdir -p /var/lib/equeue && chown node:node /var/lib/equeue
USER node
EXPOSE 3000
# Liveness only (/api/health); nginx and orchestrators take a node out on /api/ready = 503.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "apps/server/src/main.ts"]
