import { hostMounts, serviceSettings } from '../../analysis/compose-hardening';
import { maskInterpolation } from '../../analysis/interpolation';
import { defineRule } from '../../analysis/rule';

/** Container engine API sockets (Docker, rootless Docker, Podman, containerd, CRI-O) and Docker's Windows pipe. */
const ENGINE_SOCKET = /(^|[\\/])(docker|podman|containerd|crio|cri-dockerd|dockershim)\.sock$|[\\/]pipe[\\/]docker_engine$/i;

/** Whoever talks to the engine's API can start a privileged container: the socket is root on the host. */
export const serviceDockerSocket = defineRule({
  id: 'service-docker-socket',
  kind: 'compose',
  title: 'Service mounts the container engine socket',
  severity: 'warning',
  aliases: [],
  messages: {
    socket: 'Service "{service}" mounts the engine socket "{path}", which gives it full control of the engine and so root on the host (":ro" does not limit the API); mount it only into services you trust, or use a filtering socket proxy.',
  },
  fixable: false,
  check(doc, report) {
    for (const entry of serviceSettings(doc)) {
      for (const { mount, range } of hostMounts(entry)) {
        const source = mount.source ?? '';
        // Judge only the literal end of the path: `${XDG_RUNTIME_DIR}/docker.sock` is a socket whatever the variable holds.
        const literalEnd = maskInterpolation(source, '\u0000').split('\u0000').pop() ?? '';
        if (source.startsWith('.') || !ENGINE_SOCKET.test(literalEnd)) continue; // a file in the project is not the engine's socket
        report({ range, messageId: 'socket', data: { service: entry.service.name, path: source } });
      }
    }
  },
});
