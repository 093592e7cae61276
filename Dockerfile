# syntax=docker/dockerfile:1
# Multi-stage build of the Mewayz server. The build stage runs the same script as `make release`,
# so what CI builds and what ships are one recipe.

FROM rust:1.95-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV MEWAYZ_CACHE=/cache CARGO_TARGET_DIR=/cache/target
COPY . .
RUN --mount=type=cache,target=/cache --mount=type=cache,target=/usr/local/cargo/registry \
    scripts/release.sh \
 && mkdir -p /out \
 && cp /cache/target/release/server /out/server \
 && cp /cache/target/release/hash.txt /out/hash.txt \
 && cp -r target/site /out/site

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home mewayz
WORKDIR /app
# The hash file sits next to the binary: the server reads the hashed asset names from it.
COPY --from=build /out/server /out/hash.txt /app/
COPY --from=build /out/site /app/site
ENV APP_ENV=production \
    LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_HASH_FILES=true \
    LOG_FORMAT=json
USER 10001:10001
EXPOSE 3000
# The runtime image has no curl: the server binary probes itself.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/app/server", "healthcheck"]
ENTRYPOINT ["/app/server"]
