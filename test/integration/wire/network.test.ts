// Corporate networks: a gateway with a self-signed certificate (generated now with openssl) is
// rejected without its CA and works with caCertificate / CODEX_CA_CERTIFICATE; HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY from the environment route requests through a local CONNECT proxy.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Env } from '../../../src/core/ports';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import { startReplayServer, type ReplayServer } from '../../helpers/sseReplayServer';
import { STREAM_BUILDERS } from './streams';
import { collect, fakeCredentials, instantClock, makeProvider, summarize } from './support';

const readText = (p: string) => readFile(p, 'utf8');
const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

let dir: string;
let certFile: string;
let httpsServer: Server;
let httpsBase: string;
let httpsRequests = 0;
let plain: ReplayServer;
let proxy: Server;
let proxyUrl: string;
const proxied: string[] = [];

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sb-tls-'));
  certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    { stdio: 'ignore' },
  );
  httpsServer = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    httpsRequests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(STREAM_BUILDERS.chat({ text: ['secure ', 'hello'] }));
    });
  });
  httpsBase = `https://127.0.0.1:${await listen(httpsServer)}/v1`;
  plain = await startReplayServer(() => ({ body: STREAM_BUILDERS.chat({ text: ['plain hello'] }) }));

  // A minimal forward proxy: CONNECT tunnels, and absolute-URI requests for plain HTTP.
  proxy = createHttpServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode!, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket, head) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});

after(async () => {
  httpsServer.closeAllConnections();
  proxy.closeAllConnections();
  await Promise.all([new Promise((r) => httpsServer.close(r)), new Promise((r) => proxy.close(r)), plain.close()]);
});

async function send(provider: ProviderInfo, env: Env) {
  const client = createModelClient({ credentials: fakeCredentials(), env, clock: instantClock(), readFile: readText });
  return summarize(await collect(client.stream({ provider, model: 'm', messages: [{ role: 'user', content: 'hi' }] })));
}

describe('extra CA certificates', () => {
  test('a self-signed gateway fails without its CA, with a fix that names caCertificate', async () => {
    const before = httpsRequests;
    const summary = await send(makeProvider('chat', httpsBase, { id: 'corp' }), {});
    assert.equal(summary.error?.kind, 'network');
    assert.match(summary.error!.message, /Could not verify the TLS certificate of https:\/\/127\.0\.0\.1:\d+ \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    assert.match(summary.error!.fix!, /caCertificate in \[model_providers\.corp\] or CODEX_CA_CERTIFICATE/);
    assert.equal(summary.retries.length, 0, 'a certificate problem does not go away by retrying');
    assert.equal(httpsRequests, before);
  });

  test('works with the provider caCertificate', async () => {
    const summary = await send(makeProvider('chat', httpsBase, { caCertificate: certFile }), {});
    assert.equal(summary.error, undefined);
    assert.equal(summary.text, 'secure hello');
  });

  test('works with CODEX_CA_CERTIFICATE (and keeps the public roots)', async () => {
    const summary = await send(makeProvider('chat', httpsBase, { id: 'env-ca' }), { CODEX_CA_CERTIFICATE: certFile });
    assert.equal(summary.text, 'secure hello');
  });

  test('an unreadable caCertificate is a config error', async () => {
    const summary = await send(makeProvider('chat', httpsBase, { id: 'bad-ca', caCertificate: path.join(dir, 'missing.pem') }), {});
    assert.equal(summary.error?.kind, 'config');
    assert.match(summary.error!.message, /Cannot read the CA certificate file .*missing\.pem \(from caCertificate of provider `bad-ca`\)/);
  });
});

describe('proxies from the environment', () => {
  test('HTTPS_PROXY tunnels https requests (with the extra CA for the target)', async () => {
    proxied.length = 0;
    const summary = await send(makeProvider('chat', httpsBase, { id: 'via-proxy', caCertificate: certFile }), { HTTPS_PROXY: proxyUrl });
    assert.equal(summary.text, 'secure hello');
    assert.deepEqual(proxied, [`CONNECT ${new URL(httpsBase).host}`]);
  });

  test('HTTP_PROXY carries plain http requests; NO_PROXY bypasses it', async () => {
    proxied.length = 0;
    const viaProxy = await send(makeProvider('chat', `${plain.baseUrl}/v1`, { id: 'http-proxy' }), { http_proxy: proxyUrl });
    assert.equal(viaProxy.text, 'plain hello');
    assert.equal(proxied.length, 1);
    assert.ok(proxied[0].includes(new URL(plain.baseUrl).host));

    proxied.length = 0;
    const direct = await send(makeProvider('chat', `${plain.baseUrl}/v1`, { id: 'no-proxy' }), { HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1' });
    assert.equal(direct.text, 'plain hello');
    assert.deepEqual(proxied, []);
  });
});
