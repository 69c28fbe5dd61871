// Verifies a Rapport webhook (Standard Webhooks) with Node's standard library only (Node 18+).
//
//     node verify.js fixture.json    # checks the fixture's deliveries (see check.sh)
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');

const TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks one delivery; returns the parsed body or throws.
 * secret:  the subscription's secret, "whsec_<base64>"
 * headers: an object with lower-case names (as Node's req.headers): webhook-id, webhook-timestamp, webhook-signature
 * body:    the raw request body as a Buffer, exactly as received (never re-serialized JSON)
 */
function verify(secret, headers, body, now = Math.floor(Date.now() / 1000)) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) throw new Error('missing webhook headers');
  const sentAt = Number(timestamp);
  if (!/^[0-9]+$/.test(timestamp)) throw new Error('bad webhook-timestamp');
  if (Math.abs(now - sentAt) > TOLERANCE_SECONDS) throw new Error('timestamp outside the tolerance');

  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const expected = crypto.createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]))
    .digest();

  // The header may carry several space-separated signatures ("v1,<sig> v1,<sig>").
  for (const candidate of signatures.split(' ')) {
    const [version, signature] = candidate.split(',', 2);
    if (version !== 'v1' || !signature) continue;
    const given = Buffer.from(signature, 'base64');
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
      return JSON.parse(body.toString('utf8'));
    }
  }
  throw new Error('no matching signature');
}

module.exports = { verify };

if (require.main === module) {
  const fixture = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  let failures = 0;
  for (const c of fixture.cases) {
    let outcome;
    try {
      verify(c.secret, c.headers, Buffer.from(c.body, 'utf8'), c.now ?? undefined);
      outcome = 'valid';
    } catch (e) {
      outcome = 'invalid';
    }
    const ok = outcome === c.expect;
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name}: ${outcome}`);
  }
  process.exit(failures ? 1 : 0);
}
