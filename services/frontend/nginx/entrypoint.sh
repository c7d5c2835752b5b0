#!/bin/sh
# The container's entry point: renders the configuration from the environment, then nginx replaces this shell
# (the container's main process, in the foreground; SIGQUIT stops it gracefully, SIGTERM at once).
#
#   GATEWAY_URL          the gateway as the browser reaches it     (default http://localhost:8000)
#   PAYMENT_SANDBOX_URL  the payment sandbox as the browser reaches it (default http://localhost:8090)
#   PORT                 where nginx listens                       (default 8080: no root needed)
#   NGINX_SCRATCH        a writable folder for the rendered configuration, pid and temp files (default
#                        /tmp/nginx; with a read-only root file system, mount an empty volume there)
#   STOREFRONT_ROOT      the built app                             (default /usr/share/nginx/html)
# Arguments go to nginx, e.g. -t to only check the configuration.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
scratch=${NGINX_SCRATCH:-/tmp/nginx}
sh "$here/render.sh" \
    --listen "${PORT:-8080}" \
    --root "${STOREFRONT_ROOT:-/usr/share/nginx/html}" \
    --gateway-url "${GATEWAY_URL:-http://localhost:8000}" \
    --sandbox-url "${PAYMENT_SANDBOX_URL:-http://localhost:8090}" \
    --scratch "$scratch" \
    --logs - >/dev/null
exec nginx -e stderr -p "$scratch" -c "$scratch/nginx.conf" "$@"
