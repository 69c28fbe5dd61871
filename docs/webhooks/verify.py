"""Verifies a Rapport webhook (Standard Webhooks) with the Python standard library only.

    python3 verify.py fixture.json    # checks the fixture's deliveries (see check.sh)
"""
import base64
import hashlib
import hmac
import json
import sys
import time

TOLERANCE_SECONDS = 5 * 60


class WebhookVerificationError(Exception):
    pass


def verify(secret, headers, body, now=None):
    """Checks one delivery; returns the parsed body or raises WebhookVerificationError.

    secret:  the subscription's secret, "whsec_<base64>"
    headers: a dict with lower-case names: webhook-id, webhook-timestamp, webhook-signature
    body:    the raw request body as bytes, exactly as received (never re-serialized JSON)
    """
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise WebhookVerificationError("missing webhook headers")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("bad webhook-timestamp")
    now = int(time.time()) if now is None else now
    if abs(now - sent_at) > TOLERANCE_SECONDS:
        raise WebhookVerificationError("timestamp outside the tolerance")

    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()

    # The header may carry several space-separated signatures ("v1,<sig> v1,<sig>").
    for candidate in signatures.split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return json.loads(body)
    raise WebhookVerificationError("no matching signature")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        fixture = json.load(f)
    failures = 0
    for case in fixture["cases"]:
        try:
            verify(case["secret"], case["headers"], case["body"].encode("utf-8"), case.get("now"))
            outcome = "valid"
        except WebhookVerificationError as e:
            outcome = "invalid"
        ok = outcome == case["expect"]
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {case['name']}: {outcome}")
    sys.exit(1 if failures else 0)
