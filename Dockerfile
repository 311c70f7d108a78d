# The API's image, for machines with Docker (docker-compose.yml builds and runs it beside Neo4j). Without Docker,
# `npm start` runs the same code from the sources. Three stages: the first compiles with the dev dependencies, the
# second unpacks Neo4j Browser from the jar neo4j/pom.xml pins, the third holds production dependencies, the compiled
# code, Browser and the data it serves, and runs as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY README.md ./
RUN npm run build && npm run build:web

# The Neo4j image's own Browser reaches the internet and is switched off in docker-compose.yml; the API serves this copy
# under a Content-Security-Policy that allows only this machine.
FROM maven:3.9-eclipse-temurin-17 AS browser
WORKDIR /browser
COPY neo4j/pom.xml ./pom.xml
RUN mvn -q -B dependency:copy-dependencies -DincludeArtifactIds=neo4j-browser -DexcludeTransitive=true -DoutputDirectory=/browser/jar \
  && jar xf jar/neo4j-browser-*.jar browser

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seed ./seed
COPY neo4j-browser ./neo4j-browser
COPY --from=browser /browser/browser ./neo4j-browser-app
COPY --from=build /app/.web-dist ./web-dist
ENV NEO4J_BROWSER_DIR=/app/neo4j-browser-app WEB_DIR=/app/web-dist
USER node
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
