#!/usr/bin/env bash
# Checks the three verifiers against signatures made by notifications-service's own signer:
# compiles WebhookSigner.java from its source with MakeFixture.java (javac, no Maven), signs a
# set of deliveries, then runs Verify.java, verify.js and verify.py on them. Needs a JDK 17,
# node and python3; writes only to a temporary folder.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

javac -d "$WORK/classes" \
    "$ROOT/notifications-service/src/main/java/dev/rapport/notifications/webhook/WebhookSigner.java" \
    "$HERE/MakeFixture.java"
java -cp "$WORK/classes" MakeFixture "$WORK"

status=0
echo "== Java (java Verify.java)";  java "$HERE/Verify.java" "$WORK/fixture.tsv" || status=1
echo "== Node ($(node --version))"; node "$HERE/verify.js" "$WORK/fixture.json" || status=1
echo "== Python ($(python3 --version 2>&1))"; python3 "$HERE/verify.py" "$WORK/fixture.json" || status=1
exit $status
