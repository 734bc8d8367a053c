// Preloaded with `node --import` by the no-network test: every way Node can reach the network throws, and
// each attempt is logged to CLAUSEMARK_NETWORK_LOG so the test sees attempts the CLI might have caught.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const log = process.env.CLAUSEMARK_NETWORK_LOG;

function refuse(name) {
  return function refused() {
    if (log) appendFileSync(log, `${name}\n`);
    throw new Error(`network access refused in this test: ${name}`);
  };
}

function block(moduleName, names) {
  const target = require(moduleName);
  for (const name of names) if (typeof target[name] === 'function') target[name] = refuse(`${moduleName}.${name}`);
}

block('node:net', ['connect', 'createConnection', 'createServer']);
block('node:tls', ['connect']);
block('node:http', ['request', 'get', 'createServer']);
block('node:https', ['request', 'get', 'createServer']);
block('node:http2', ['connect']);
block('node:dgram', ['createSocket']);
block('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
const dnsPromises = require('node:dns').promises;
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dnsPromises[name] = refuse(`dns.promises.${name}`);
require('node:net').Socket.prototype.connect = refuse('net.Socket.connect');
globalThis.fetch = refuse('fetch');
// ES modules importing `{ request } from 'node:http'` see the replacements too.
syncBuiltinESMExports();
if (log) appendFileSync(log, '');
