/**
 * The conformance suite's servers, all on 127.0.0.1 with free ports: `app` serves the page
 * (the requesting origin), `api` answers each configuration's preflight and actual request
 * exactly as the configuration says, `other` is a third origin for cross-origin redirects.
 * Every answer sent is logged per configuration, so the analyser reads what was on the wire.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CorsResponse } from '../../../core/cors/analyse';
import { CONFIGS, type Answer, type CorsConfig } from './cors-configs';

export interface Exchanges {
  preflight?: CorsResponse;
  responses: CorsResponse[];
}

export interface CorsServers {
  app: string;
  api: string;
  other: string;
  exchanges: Map<string, Exchanges>;
  close(): Promise<void>;
}

const byId = new Map(CONFIGS.map((c) => [c.id, c]));

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Starts the three servers. */
export async function startCorsServers(): Promise<CorsServers> {
  const exchanges = new Map<string, Exchanges>();
  const origins = { app: '', api: '', other: '' };
  const fill = (value: string) =>
    value
      .replaceAll('{app-port}', new URL(origins.app).port)
      .replaceAll('{app}', origins.app)
      .replaceAll('{api}', origins.api)
      .replaceAll('{other}', origins.other);

  /** Sends `answer`, logging the headers as the analyser will see them (duplicates joined). */
  const send = (res: ServerResponse, url: string, answer: Answer, log: (r: CorsResponse) => void) => {
    const logged: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      const values = (Array.isArray(value) ? value : [value]).map(fill);
      res.setHeader(name, values);
      logged[name] = values.join(', ');
    }
    res.setHeader('Cache-Control', 'no-store');
    log({ url, status: answer.status, headers: logged });
    res.writeHead(answer.status);
    res.end(answer.status === 204 || answer.status === 304 ? undefined : 'body');
  };

  const handle = (where: 'api' | 'other') => (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/c\/([\w-]+)(\/target)?/.exec(req.url ?? '');
    const config: CorsConfig | undefined = match ? byId.get(match[1]) : undefined;
    if (!config) {
      res.writeHead(404).end();
      return;
    }
    const url = `${origins[where]}${req.url}`;
    const entry = exchanges.get(config.id) ?? { responses: [] };
    exchanges.set(config.id, entry);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      send(res, url, config.preflight ?? { status: 404, headers: {} }, (r) => (entry.preflight = r));
      return;
    }
    let answer = match?.[2] ? config.redirect!.answer : config.actual;
    if (!match?.[2] && config.redirect) {
      const target = `{${config.redirect.to}}/c/${config.id}/target`;
      answer = { ...answer, headers: { ...answer.headers, Location: target } };
    }
    req.resume();
    send(res, url, answer, (r) => entry.responses.push(r));
  };

  const app = await listen((req, res) => {
    // `/opaque` is sandboxed by CSP: a top-level document with a `null` origin that is still a
    // secure loopback context (a data: URL would trip Private Network Access instead).
    const headers: Record<string, string> = { 'Content-Type': 'text/html' };
    if (req.url === '/opaque') headers['Content-Security-Policy'] = 'sandbox allow-scripts';
    res.writeHead(200, headers).end('<!doctype html><title>cors conformance</title>');
  });
  const api = await listen(handle('api'));
  const other = await listen(handle('other'));
  origins.app = originOf(app);
  origins.api = originOf(api);
  origins.other = originOf(other);
  return {
    ...origins,
    exchanges,
    async close() {
      await Promise.all(
        [app, api, other].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      );
    },
  };
}
