# One image for every app of the platform; which app runs is chosen when the container starts:
#   docker build -t assistant-platform .
#   docker run -e APP=gateway -p 3000:3000 assistant-platform     (or: docker run assistant-platform assistants)

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
# Compile every app and lib to dist/, then drop the dev dependencies the runtime does not need.
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# .platform/ holds the gateway's generated admin token when ADMIN_TOKEN is unset; owned by the runtime user.
RUN mkdir .platform && chown node:node .platform
USER node
# 3000: the gateway's HTTP port (PORT); 8080: a backend's /health and /ready listener (HEALTH_PORT).
EXPOSE 3000 8080
# The app comes from the first argument, else from APP. exec replaces the shell, so node itself receives
# SIGTERM; run with --init (compose: init: true) to have a real init reap zombies.
ENTRYPOINT ["/bin/sh", "-c", "app=\"${1:-$APP}\"; if [ -z \"$app\" ] || [ ! -f \"dist/apps/$app/src/main.js\" ]; then echo \"choose an app with APP=<name> or as the argument; built apps: $(ls dist/apps | tr '\\n' ' ')\" >&2; exit 64; fi; exec node \"dist/apps/$app/src/main.js\"", "entrypoint"]
CMD []
