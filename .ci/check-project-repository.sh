#!/usr/bin/env bash
# Maven consults the project-local repository (.mvn/repository) before Maven Central for every artifact it
# resolves (see its README), so anything added there would shadow the real artifact. Maven runs this check first
# (validate phase), before it resolves anything: the folder must hold the one stand-in, byte for byte.
set -euo pipefail

repo="${1:-.mvn/repository}"
expected="c9884c4a42ab8f36752935cab9f0c37fa6f05ebcb678fd04fb9ff84bab98b93f  io/quarkiverse/operatorsdk/quarkus-operator-sdk-helm/7.7.3/quarkus-operator-sdk-helm-7.7.3.jar
a19038b870f693ea2bd97d8ea0e0045c0a511c33cdd3330d1cb258947a316e16  io/quarkiverse/operatorsdk/quarkus-operator-sdk-helm/7.7.3/quarkus-operator-sdk-helm-7.7.3.jar.sha1
314058456f32e0e0c249741b18271ccdaeccdd648210d8ad04d2318bec3e2a8b  io/quarkiverse/operatorsdk/quarkus-operator-sdk-helm/7.7.3/quarkus-operator-sdk-helm-7.7.3.pom
66f9b2bc630138255791656cd1ac2af2ba769ce97299b60307ce23531c20e8cb  io/quarkiverse/operatorsdk/quarkus-operator-sdk-helm/7.7.3/quarkus-operator-sdk-helm-7.7.3.pom.sha1"

actual="$(cd "$repo" && find . -type f ! -path ./README.md | sed 's|^\./||' | LC_ALL=C sort | xargs -r sha256sum)"
if [ "$actual" != "$expected" ]; then
  echo "check-project-repository: $repo holds something other than the quarkus-operator-sdk-helm 7.7.3 stand-in:" >&2
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  echo "check-project-repository: Maven would take such files before the real ones; see $repo/README.md" >&2
  exit 1
fi
