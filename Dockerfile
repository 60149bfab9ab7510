# syntax=docker/dockerfile:1
# Retrieval API + indexer, multi-stage.
#   CPU (default): docker build -t retrieval .
#   CUDA:          docker build -t retrieval:cuda --build-arg ORT_BUILD=Gpu \
#                    --build-arg RUNTIME_BASE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04 .
# ORT_BUILD selects the ONNX Runtime native package (one per build, never both: the two ship the same native library names); the CUDA
# build still falls back to CPU with one warning when no device is visible.
ARG ORT_BUILD=Cpu
ARG RUNTIME_BASE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble

# The web page's onnxruntime-web files, from web/package-lock.json by the same script scripts/setup.sh runs.
FROM node:22-bookworm-slim AS web
WORKDIR /src
COPY web/package.json web/package-lock.json web/
COPY scripts/build-web.sh scripts/
RUN scripts/build-web.sh

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG ORT_BUILD
WORKDIR /src
COPY . .
# Before the publish, which takes everything under wwwroot.
COPY --from=web /src/src/RetrievalService.Api/wwwroot/vendor/ort src/RetrievalService.Api/wwwroot/vendor/ort
# The models are rebuilt from NuGet and npm exactly as scripts/setup.sh does; the build is byte-deterministic,
# so the committed manifests (which pin the ONNX hashes) stay valid, and the sha check below proves it. The default
# student (student-mnv2-regression), its int8 copy and the int8 teacher are committed with their ONNX; the same check
# covers them. A mismatch in any model fails the build, not only in the loop's last.
RUN dotnet build src/RetrievalService.ModelTool -c Release --nologo -v quiet \
 && dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll build-teacher > /dev/null \
 && dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll build-student --data /tmp/data > /dev/null \
 && for m in models/*.manifest.json; do \
      f=$(sed -n 's/.*"onnxFile": "\(.*\)".*/\1/p' "$m"); s=$(sed -n 's/.*"sha256": "\([0-9a-f]*\)".*/\1/p' "$m" | head -n1); \
      echo "$s  models/$f" | sha256sum -c - || exit 1; done
RUN dotnet publish src/RetrievalService.Api -c Release -r linux-x64 --self-contained -p:OrtBuild=${ORT_BUILD} -o /out/api --nologo \
 && dotnet publish src/RetrievalService.Indexer -c Release -r linux-x64 --self-contained -p:OrtBuild=${ORT_BUILD} -o /out/indexer --nologo \
 && mkdir -p /out/models && cp models/*.onnx models/*.manifest.json /out/models/

FROM ${RUNTIME_BASE} AS runtime
# curl only for the container health check; self-contained apps need nothing else from the base image.
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && (getent passwd app >/dev/null || useradd --system --uid 1654 --user-group --home-dir /app app)
# The API's folder is the working directory: the host takes its content root (appsettings.json, wwwroot) from it.
WORKDIR /app/api
COPY --from=build /out/api /app/api
COPY --from=build /out/indexer /app/indexer
COPY --from=build /out/models /app/models
ENV ASPNETCORE_URLS=http://+:8080 \
    Models__Directory=/app/models \
    DOTNET_gcServer=0
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/health/live || exit 1
ENTRYPOINT ["/app/api/RetrievalService.Api"]
