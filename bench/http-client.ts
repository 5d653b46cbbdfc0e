// The load generators' HTTP client: node:http over a keep-alive agent, loopback only. It costs
// about a third of the CPU per request that fetch did, CPU the server and the database share with
// the load generator on a small machine.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  text: string;
}

export type Send = (
  method: 'GET' | 'POST',
  path: string,
  options?: { token?: string | null; body?: string | undefined; headers?: Record<string, string> },
) => Promise<HttpAnswer>;

/** A client for `baseUrl` (must be http://127.0.0.1:port) keeping up to `sockets` connections open. */
export function httpClient(baseUrl: string, sockets: number): Send {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl))
    throw new Error(`refusing to load anything but loopback: ${baseUrl}`);
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return (method, path, options = {}) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const body = options.body;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      const req = request({ agent, hostname, port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}
