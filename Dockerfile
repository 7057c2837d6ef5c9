# One image for every app of the platform; which app runs is chosen when the container starts:
#   docker build -t assistant-platform:0.1.0 .      (tag: the version in package.json, as compose and k8s/ use)
#   docker run -e APP=gateway -p 3000:3000 assistant-platform:0.1.0     (or: docker run assistant-platform:0.1.0 assistants)

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
# The image's `node` user, by number, so that Kubernetes can tell it is not root (runAsNonRoot); the k8s manifests
# run the apps as this uid and gid. The app files stay owned by root: the apps cannot change their own code.
USER 1000:1000
# 3000: the gateway's HTTP port (PORT); 8080: a backend's /health and /ready listener (HEALTH_PORT).
EXPOSE 3000 8080
# The app comes from the first argument, else from APP. exec replaces the shell, so node itself receives
# SIGTERM; run with --init (compose: init: true) to have a real init reap zombies.
ENTRYPOINT ["/bin/sh", "-c", "app=\"${1:-$APP}\"; if [ -z \"$app\" ] || [ ! -f \"dist/apps/$app/src/main.js\" ]; then echo \"choose an app with APP=<name> or as the argument; built apps: $(ls dist/apps | tr '\\n' ' ')\" >&2; exit 64; fi; exec node \"dist/apps/$app/src/main.js\"", "entrypoint"]
CMD []
