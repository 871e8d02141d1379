/**
 * The request the server sends the client when a registry cannot give a digest: the client asks
 * its local container engine (the server never runs one). Shared by server and client; no imports.
 */
export const LOCAL_IMAGE_DIGESTS_METHOD = 'containerHygiene/localImageDigests';

export interface LocalImageDigestsParams {
  /** The image as written with its tag: `127.0.0.1:5055/library/tiny:latest`, `node:latest`. */
  image: string;
}

export interface LocalImageDigestsResult {
  /** The local image's `RepoDigests` (`repository@sha256:...`); empty when it has none or is absent. */
  repoDigests: string[];
  /** Why nothing could be looked up (engine stopped, untrusted workspace...), for the user. */
  error?: string;
}
