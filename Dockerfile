FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
# A flat node_modules (node-linker=hoisted): the server's bundle finds every package it loads there.
RUN npm exec --yes --package=pnpm@10.34.8 -- pnpm install --frozen-lockfile --config.node-linker=hoisted \
 && npm exec --yes --package=pnpm@10.34.8 -- pnpm --filter @crmflow/web build \
 && npm exec --yes --package=pnpm@10.34.8 -- pnpm --filter @crmflow/server bundle
ENV NODE_ENV=production
EXPOSE 3000
# Compiled JavaScript, no TypeScript compiler at start. CRMFLOW_ROLE picks api, worker or all.
CMD ["node", "--enable-source-maps", "apps/server/dist/main.mjs"]
