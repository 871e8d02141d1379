// A forwarding HTTP proxy in front of the loopback registry, on its own port: tests use it as a
// second registry address that they can take offline (close), or that drops a header.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGISTRY } from './seed-registry';

export interface RegistryProxy {
  /** `127.0.0.1:<port>` */
  host: string;
  close(): Promise<void>;
}

export async function registryProxy(options: { dropHeaders?: string[] } = {}): Promise<RegistryProxy> {
  const [registryHost, registryPort] = REGISTRY.split(':');
  const server: Server = createServer((incoming, outgoing) => {
    const forward = httpRequest({ host: registryHost, port: Number(registryPort), method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: REGISTRY } }, (answer) => {
      const headers = { ...answer.headers };
      for (const name of options.dropHeaders ?? []) delete headers[name.toLowerCase()];
      outgoing.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
