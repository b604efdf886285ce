#!/bin/sh
# Starts the API. `npm start`, the Docker image, quickstart and the bench all go through this file,
# so that they run it alike. NODE picks the node binary (default: the one on PATH).
#
# --max-old-space-size=512: V8 lets the old generation grow to a multiple of what survived the last
# full collection before it collects again, and the multiple follows the heap limit: 4x under Node's
# default limit (4 GB on a 24 GB machine), about 1.4x under 512 MB. The API keeps 40-90 MB live;
# under load the default let its old generation reach about 200 MB, mostly garbage. With 512 MB,
# peak RSS at 10,000 actions fell from about 320 to 230 MB, with the same GC time per request.
# 512 MB is still five times what the API keeps live.
exec "${NODE:-node}" --max-old-space-size=512 "$(dirname "$0")/../dist/apps/api/src/main.js" "$@"
