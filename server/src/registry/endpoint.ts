import { isDockerHub } from '../analysis/images';

/** Where a registry's API v2 lives and how to name it to the user. */
export interface RegistryEndpoint {
  /** `https://registry-1.docker.io`, `http://127.0.0.1:5055`. */
  baseUrl: string;
  /** The registry as the user writes it: `docker.io`, `ghcr.io`, `127.0.0.1:5055`. */
  label: string;
}

/**
 * Docker Hub's API is served by registry-1.docker.io whatever the spelling; loopback registries
 * speak plain http (as Docker allows without TLS), every other registry https.
 */
export function registryEndpoint(domain: string): RegistryEndpoint {
  if (isDockerHub(domain)) return { baseUrl: 'https://registry-1.docker.io', label: 'docker.io' };
  const host = domain.toLowerCase();
  return { baseUrl: `${isLoopback(host) ? 'http' : 'https'}://${host}`, label: host };
}

/** `localhost`, `127.x.y.z` and `[::1]`, with or without a port. */
export function isLoopback(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}
