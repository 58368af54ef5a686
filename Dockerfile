FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm exec --yes --package=pnpm@10.34.8 -- pnpm install --frozen-lockfile \
 && npm exec --yes --package=pnpm@10.34.8 -- pnpm --filter @crmflow/web build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node_modules/.bin/tsx", "apps/server/src/main.ts"]
