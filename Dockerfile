# One image recipe for every app in the monorepo: the six subgraphs and the gateway.
#
#   docker build --build-arg APP=services/organizations --build-arg PORT=4001 -t jiceng/organizations .
#   docker build --build-arg APP=gateway --build-arg PORT=4000 -t jiceng/gateway .
#
# Why one parameterized Dockerfile rather than one per app (the issue asked for "a Dockerfile
# per app"): all apps share one package.json, one node_modules and one `npm run build` that
# compiles the whole workspace, so per-app files would be seven identical copies differing in
# a path. Here only the last few lines of the runtime stage depend on APP, so BuildKit builds
# the deps/build stages once and reuses them for all seven images, and a change to the build
# is made in one place. docker-compose.yml passes APP (and PORT) per service.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency (dev included), at the locked versions ---------------------------
# `npm install`, not `npm ci`: the lock is made where the registry serves only the Linux builds
# of optional native packages (swc, nx, jest's resolver), and `npm ci` refuses a lock without
# the other platforms' entries. With a lock present, `npm install` installs the locked versions.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

# ---- build: `npm run build` (swc) compiles the workspace into dist/ -------------------------
FROM deps AS build
# The whole context (.dockerignore keeps node_modules, dist, state and secrets out), so the
# image follows whatever folders the "build" script in package.json compiles.
COPY . .
RUN npm run build

# ---- prod-deps: runtime dependencies only ----------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0
# Layers shared by all apps come first (node_modules, the whole dist, the supergraph); files
# stay root-owned so the app, running as `node`, cannot modify its own code.
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Only the gateway reads it; an explicit path lets a deployment mount a newer supergraph here.
COPY --from=build /app/gateway/supergraph.graphql ./gateway/supergraph.graphql

# Per-app part. APP is the app's folder (services/<name> or gateway); PORT its listening port.
ARG APP
ARG PORT=4000
RUN test -f "dist/${APP}/src/main.js" \
    || { echo "APP='${APP}': dist/${APP}/src/main.js does not exist (APP=services/<name> or gateway)" >&2; exit 1; }
ENV APP=${APP} \
    PORT=${PORT} \
    SUPERGRAPH_PATH=/app/gateway/supergraph.graphql
EXPOSE ${PORT}

USER node

# /health is 200 when the app (for subgraphs: its Mongo and Kafka) is reachable, 503 otherwise.
# 127.0.0.1, not localhost: the app listens on IPv4 0.0.0.0 and localhost may resolve to ::1.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# A shell only to expand $APP; `exec` replaces it with node, so SIGTERM reaches the app's
# shutdown hooks directly.
CMD ["sh", "-c", "exec node \"dist/${APP}/src/main.js\""]
