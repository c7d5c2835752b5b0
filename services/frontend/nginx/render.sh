#!/bin/sh
# Renders nginx.conf.template (beside this script) into SCRATCH/nginx.conf and prints that file's path. The one
# renderer of the one template: the container's entrypoint.sh runs it at start, and so does the browser test
# (app/e2e/nginx.e2e.mjs) for a local run with Debian's nginx as any user.
#
#   render.sh --listen [ADDRESS:]PORT --root DIR --gateway-url URL --sandbox-url URL --scratch DIR [--logs DIR|-]
#
#   --listen       where nginx listens: 8080, or 127.0.0.1:18080
#   --root         the built app (app/dist)
#   --gateway-url  the gateway as the browser reaches it (GATEWAY_URL); goes to /config.json and the CSP
#   --sandbox-url  the payment sandbox as the browser reaches it (PAYMENT_SANDBOX_URL); the same
#   --scratch      a folder the user running nginx may write: nginx.conf, the pid, temp files (made if missing)
#   --logs         where the logs go: a folder (error.log, access.log), or - for stderr and stdout;
#                  default: SCRATCH/logs
#
# Then: nginx -e stderr -p SCRATCH -c SCRATCH/nginx.conf   (add -t to only check it)
# POSIX sh with sed and grep only: it runs in the nginx image (BusyBox) as well as on Debian.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
template="$here/nginx.conf.template"
nl='
'

die() {
    printf 'render.sh: %s\n' "$*" >&2
    exit 2
}

# matches VALUE ERE: VALUE is one line that the extended regular expression matches whole.
matches() {
    case $1 in *"$nl"*) return 1 ;; esac
    printf '%s\n' "$1" | grep -Eq "^($2)\$"
}

listen='' root='' gateway='' sandbox='' scratch='' logs=''
while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || die "$1 needs a value"
    case $1 in
        --listen) listen=$2 ;;
        --root) root=$2 ;;
        --gateway-url) gateway=$2 ;;
        --sandbox-url) sandbox=$2 ;;
        --scratch) scratch=$2 ;;
        --logs) logs=$2 ;;
        *) die "unknown option $1 (see the comment at the top of this script)" ;;
    esac
    shift 2
done
if [ -z "$listen" ] || [ -z "$root" ] || [ -z "$gateway" ] || [ -z "$sandbox" ] || [ -z "$scratch" ]; then
    die "--listen, --root, --gateway-url, --sandbox-url and --scratch are all needed"
fi
[ -n "$logs" ] || logs="$scratch/logs"

# The values go into nginx's syntax, JSON and sed's replacement text: they are held to characters that mean
# nothing special in any of them (no quotes, spaces, ;, $, \, &, |, #).
PATH_RE='/[A-Za-z0-9._+/-]*'
URL_RE='https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?'
matches "$listen" '([A-Za-z0-9.-]+:)?[0-9]{1,5}' || die "--listen must be [ADDRESS:]PORT: $listen"
for folder in "$root" "$scratch"; do
    matches "$folder" "$PATH_RE" || die "not an absolute path of letters, digits and ._+-/: $folder"
done
[ "$logs" = - ] || matches "$logs" "$PATH_RE" || die "--logs must be - or an absolute path: $logs"
for url in "$gateway" "$sandbox"; do
    matches "$url" "$URL_RE" || die "not an absolute http(s) URL (host, optional port and path): $url"
done
[ -r "$root/index.html" ] || die "no index.html in $root (build the app first: npm run build)"

# The URL as given without a trailing slash, so that the page can append paths to it.
base() {
    printf '%s\n' "${1%/}"
}

# The URL's origin and, for a loopback address, the same port under the other loopback name: the page talks to
# the platform under the name it was opened with, so the Content-Security-Policy must allow both.
origins() {
    origin=$(printf '%s\n' "$1" | sed -E 's#^(https?://[^/]+).*$#\1#')
    case $origin in
        *://localhost | *://localhost:*) twin=$(printf '%s\n' "$origin" | sed 's#://localhost#://127.0.0.1#') ;;
        *://127.0.0.1 | *://127.0.0.1:*) twin=$(printf '%s\n' "$origin" | sed 's#://127\.0\.0\.1#://localhost#') ;;
        *) twin='' ;;
    esac
    printf '%s%s\n' "$origin" "${twin:+ $twin}"
}

gateway_origins=$(origins "$gateway")
sandbox_origins=$(origins "$sandbox")
csp="default-src 'self'; connect-src 'self' $gateway_origins $sandbox_origins; img-src 'self' $gateway_origins"
csp="$csp; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
config_json="{\"gatewayUrl\":\"$(base "$gateway")\",\"sandboxUrl\":\"$(base "$sandbox")\"}"

if [ "$logs" = - ]; then
    error_log=stderr
    access_log=/dev/stdout
else
    mkdir -p "$logs"
    error_log="$logs/error.log"
    access_log="$logs/access.log"
fi
mkdir -p "$scratch/client_body" "$scratch/proxy" "$scratch/fastcgi" "$scratch/uwsgi" "$scratch/scgi"

conf="$scratch/nginx.conf"
sed -e "s|@LISTEN@|$listen|g" \
    -e "s|@ROOT@|$root|g" \
    -e "s|@SCRATCH@|$scratch|g" \
    -e "s|@ERROR_LOG@|$error_log|g" \
    -e "s|@ACCESS_LOG@|$access_log|g" \
    -e "s|@CSP@|$csp|g" \
    -e "s|@CONFIG_JSON@|$config_json|g" \
    "$template" >"$conf.tmp"
if grep -n '@[A-Z_]*@' "$conf.tmp" >&2; then
    die "placeholders left unfilled in $conf.tmp (above)"
fi
mv "$conf.tmp" "$conf"
printf '%s\n' "$conf"
