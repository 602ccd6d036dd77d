// The site's production server: Next.js's request handler behind a plain Node HTTP server, so
// that the client's address comes from the connection (see server/client-address.mjs) and not
// from a header the client controls. `node server.mjs [-p PORT]`; PORT works too, and
// GRADLAB_HOST binds one interface (default: all).
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { clientAddress, parseTrustedProxies } from './server/client-address.mjs';

const args = process.argv.slice(2);
const portFlag = args.findIndex((a) => a === '-p' || a === '--port');
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 3000));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`gradlab: "${portFlag >= 0 ? args[portFlag + 1] : process.env.PORT}" is not a port number`);
  process.exit(1);
}
// The auth configuration trusts the origins the site is served on (localhost and 127.0.0.1 on
// this port): it reads the port from here.
process.env.PORT = String(port);
const hostname = process.env.GRADLAB_HOST || undefined;

let trusted;
try {
  trusted = parseTrustedProxies(process.env.GRADLAB_TRUSTED_PROXIES);
} catch (error) {
  console.error(`gradlab: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const app = next({ dev: false, dir, port, hostname: hostname ?? 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  // One address, from the socket (or from a trusted proxy's header), for everything downstream.
  req.headers['x-forwarded-for'] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    trusted,
  );
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`gradlab: listening on http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
