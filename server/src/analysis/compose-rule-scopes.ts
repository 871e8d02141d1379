/**
 * What each Compose rule's findings depend on, for the incremental analyzer. A service-scoped rule
 * reports, for each service, findings that follow from the service's own text, the file outside
 * `services:` (top-level sections, anchors, layout), the settings and the context, plus what its
 * `dependency` says about other services; each of its per-service findings names the service in
 * `data.service`. Rules not listed are re-run on the whole document at every edit (always right,
 * and cheap for these: they keep per-service work in `ComposeDoc.serviceMemo`).
 */
import type { ComposeDoc, ComposeService } from './compose-doc';
import { isPlainMap } from './compose-merge';
import { foldServices } from './compose-service-folds';
import type { ServiceDependency } from './compose-stale-services';
import { containerNameOwners } from '../rules/compose/container-name-duplicate';
import { portClashesOf } from '../rules/compose/host-port-duplicate';
import { healthyWaitersOf } from '../rules/compose/service-healthcheck-missing';
import { secretsDependency, secretsToReport } from '../rules/compose/service-secret-in-environment';

export interface ServiceScope {
  /** What every service's findings depend on in other services, as text (compared between edits). */
  everyService?: (doc: ComposeDoc) => string;
  /** What each service's findings depend on in other services, as text (compared between edits). */
  eachService?: (doc: ComposeDoc) => ServiceDependency;
  /** Findings that name no service depend only on the file outside `services:` (not on any service). */
  sharedFindings?: boolean;
}

const OWN_TEXT_ONLY: ServiceScope = {};

export const SERVICE_SCOPES: ReadonlyMap<string, ServiceScope> = new Map<string, ServiceScope>([
  ['build-and-image', OWN_TEXT_ONLY],
  ['container-name-duplicate', { eachService: firstOwnerOfContainerName }],
  ['database-bind-mount', OWN_TEXT_ONLY],
  ['database-volume-wrong-path', OWN_TEXT_ONLY],
  ['database-without-volume', OWN_TEXT_ONLY],
  ['host-port-duplicate', { eachService: portClashesWith }],
  ['reference-undefined', { everyService: serviceNames }],
  ['service-cap-add', OWN_TEXT_ONLY],
  ['service-cap-drop-missing', OWN_TEXT_ONLY],
  ['service-docker-socket', OWN_TEXT_ONLY],
  ['service-healthcheck-missing', { eachService: healthyWaiter }],
  ['service-host-namespace', OWN_TEXT_ONLY],
  ['service-image-latest', OWN_TEXT_ONLY],
  ['service-image-untagged', OWN_TEXT_ONLY],
  ['service-no-new-privileges', OWN_TEXT_ONLY],
  ['service-path-missing', OWN_TEXT_ONLY],
  ['service-port-all-interfaces', OWN_TEXT_ONLY],
  ['service-privileged', OWN_TEXT_ONLY],
  ['service-resource-limits-missing', OWN_TEXT_ONLY],
  ['service-root-user', OWN_TEXT_ONLY],
  ['service-rootfs-writable', OWN_TEXT_ONLY],
  ['service-secret-in-environment', { eachService: secretVariables }],
  ['service-sensitive-host-mount', { sharedFindings: true }],
  ['service-user-missing', OWN_TEXT_ONLY],
]);

/**
 * A service whose settings come partly from another service (`extends`) depends on that one in
 * ways no scope describes: the incremental analyzer re-checks it at every edit.
 */
export function dependsOnOtherServices(service: ComposeService): boolean {
  return service.effective.extends !== undefined;
}

/** `dependsOnOtherServices` of every service, in order: the same array across edits that change no service's `extends`. */
export function servicesDependingOnOthers(doc: ComposeDoc): readonly boolean[] {
  return foldServices(doc, 'depends-on-other-services', dependsOnOtherServices, Object.is, (values) => values ?? doc.allServices.map(dependsOnOtherServices));
}

/** The service that keeps this service's container name (the first to use it). */
function firstOwnerOfContainerName(doc: ComposeDoc): ServiceDependency {
  const owners = containerNameOwners(doc);
  return {
    basis: owners,
    of: (service) => {
      const name = service.effective.container_name;
      return typeof name === 'string' ? owners.get(name) ?? '' : '';
    },
  };
}

/** The services and lines of the ports this service's ports clash with. */
function portClashesWith(doc: ComposeDoc): ServiceDependency {
  return byServiceName(portClashesOf(doc));
}

/** Every service name, in order: references are judged and typos suggested against them (kept while the names are the same). */
function serviceNames(doc: ComposeDoc): string {
  return foldServices(doc, 'service-names', (service) => service.name, Object.is, () => {
    const services = doc.project.model.services;
    return Object.keys(isPlainMap(services) ? services : {}).join('\u0000');
  });
}

/** The first service waiting for this one with `condition: service_healthy`. */
function healthyWaiter(doc: ComposeDoc): ServiceDependency {
  return byServiceName(healthyWaitersOf(doc));
}

/** A service's entry in `map` (by its name), '' for none. */
function byServiceName(map: ReadonlyMap<string, string>): ServiceDependency {
  return { basis: map, of: (service) => map.get(service.name) ?? '' };
}

/** Which of the service's secrets are reported here, and the variable each fix uses. */
function secretVariables(doc: ComposeDoc): ServiceDependency {
  const reported = secretsToReport(doc);
  return { basis: reported, of: (service) => secretsDependency(reported.get(service.name)) };
}
