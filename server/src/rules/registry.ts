import type { Rule } from '../analysis/rule';
import type { DocumentKind } from '../analysis/types';
import { fileNotAnalyzed } from './file-not-analyzed';
import { composeYamlSyntax } from './compose/compose-yaml-syntax';
import { composeSchema } from './compose/compose-schema';
import { composeVersionObsolete } from './compose/compose-version-obsolete';
import { serviceImageUntagged } from './compose/service-image-untagged';
import { serviceImageLatest } from './compose/service-image-latest';
import { referenceUndefined } from './compose/reference-undefined';
import { containerNameDuplicate } from './compose/container-name-duplicate';
import { hostPortDuplicate } from './compose/host-port-duplicate';
import { buildAndImage } from './compose/build-and-image';
import { serviceUserMissing } from './compose/service-user-missing';
import { serviceRootUser } from './compose/service-root-user';
import { serviceRootfsWritable } from './compose/service-rootfs-writable';
import { servicePrivileged } from './compose/service-privileged';
import { serviceNoNewPrivileges } from './compose/service-no-new-privileges';
import { serviceCapAdd } from './compose/service-cap-add';
import { serviceCapDropMissing } from './compose/service-cap-drop-missing';
import { serviceHostNamespace } from './compose/service-host-namespace';
import { serviceDockerSocket } from './compose/service-docker-socket';
import { serviceSensitiveHostMount } from './compose/service-sensitive-host-mount';
import { servicePortAllInterfaces } from './compose/service-port-all-interfaces';
import { serviceSecretInEnvironment } from './compose/service-secret-in-environment';
import { databaseWithoutVolume } from './compose/database-without-volume';
import { databaseVolumeWrongPath } from './compose/database-volume-wrong-path';
import { databaseBindMount } from './compose/database-bind-mount';
import { serviceHealthcheckMissing } from './compose/service-healthcheck-missing';
import { serviceResourceLimitsMissing } from './compose/service-resource-limits-missing';
import { servicePathMissing } from './compose/service-path-missing';
import { dockerfileSyntax } from './dockerfile/dockerfile-syntax';
import { workdirRelative } from './dockerfile/workdir-relative';
import { imageLatestTag } from './dockerfile/image-latest-tag';
import { inlineIgnorePragma } from './dockerfile/inline-ignore-pragma';
import { onbuildForbiddenTrigger } from './dockerfile/onbuild-forbidden-trigger';
import { envSelfReference } from './dockerfile/env-self-reference';
import { copyRelativeWithoutWorkdir } from './dockerfile/copy-relative-without-workdir';
import { labelKeyInvalid } from './dockerfile/label-key-invalid';
import { labelMissing } from './dockerfile/label-missing';
import { labelSuperfluous } from './dockerfile/label-superfluous';
import { labelEmpty } from './dockerfile/label-empty';
import { labelNotUrl } from './dockerfile/label-not-url';
import { labelNotRfc3339 } from './dockerfile/label-not-rfc3339';
import { labelNotSpdx } from './dockerfile/label-not-spdx';
import { labelNotGitHash } from './dockerfile/label-not-git-hash';
import { labelNotSemver } from './dockerfile/label-not-semver';
import { labelNotEmail } from './dockerfile/label-not-email';
import { runConsecutive } from './dockerfile/run-consecutive';
import { instructionOrder } from './dockerfile/instruction-order';
import { copyEntireStageRoot } from './dockerfile/copy-entire-stage-root';
import { aptGetMissingYes } from './dockerfile/apt-get-missing-yes';
import { aptGetRecommends } from './dockerfile/apt-get-recommends';
import { aptListsNotRemoved } from './dockerfile/apt-lists-not-removed';
import { aptUnpinned } from './dockerfile/apt-unpinned';
import { aptInsteadOfAptGet } from './dockerfile/apt-instead-of-apt-get';
import { aptDistUpgrade } from './dockerfile/apt-dist-upgrade';
import { packageUpdateAlone } from './dockerfile/package-update-alone';
import { apkNoCache } from './dockerfile/apk-no-cache';
import { apkUnpinned } from './dockerfile/apk-unpinned';
import { pipNoCacheDir } from './dockerfile/pip-no-cache-dir';
import { pipUnpinned } from './dockerfile/pip-unpinned';
import { npmUnpinned } from './dockerfile/npm-unpinned';
import { yarnCacheNotCleaned } from './dockerfile/yarn-cache-not-cleaned';
import { gemUnpinned } from './dockerfile/gem-unpinned';
import { goInstallUnpinned } from './dockerfile/go-install-unpinned';
import { imageUntagged } from './dockerfile/image-untagged';
import { imageDigestUnpinned } from './dockerfile/image-digest-unpinned';
import { registryUntrusted } from './dockerfile/registry-untrusted';
import { userRoot } from './dockerfile/user-root';
import { userMissing } from './dockerfile/user-missing';
import { userNameUnresolvable } from './dockerfile/user-name-unresolvable';
import { secretInEnvOrArg } from './dockerfile/secret-in-env-or-arg';
import { secretFileCopied } from './dockerfile/secret-file-copied';
import { copyContextUnfiltered } from './dockerfile/copy-context-unfiltered';
import { exposeSsh } from './dockerfile/expose-ssh';
import { exposeInvalidPort } from './dockerfile/expose-invalid-port';
import { healthcheckMissing } from './dockerfile/healthcheck-missing';
import { fromPlatformFlag } from './dockerfile/from-platform-flag';
import { fromPlatformRedundant } from './dockerfile/from-platform-redundant';
import { stageNameReserved } from './dockerfile/stage-name-reserved';
import { execFormRecommended } from './dockerfile/exec-form-recommended';
import { multipleCmd } from './dockerfile/multiple-cmd';
import { multipleEntrypoint } from './dockerfile/multiple-entrypoint';
import { multipleHealthcheck } from './dockerfile/multiple-healthcheck';
import { maintainerDeprecated } from './dockerfile/maintainer-deprecated';
import { addInsteadOfCopy } from './dockerfile/add-instead-of-copy';
import { copyArchiveThenExtract } from './dockerfile/copy-archive-then-extract';
import { copyDestMissingSlash } from './dockerfile/copy-dest-missing-slash';
import { stageNameDuplicate } from './dockerfile/stage-name-duplicate';
import { copyFromUnknownStage } from './dockerfile/copy-from-unknown-stage';
import { copyFromSelf } from './dockerfile/copy-from-self';
import { stageNameCasing } from './dockerfile/stage-name-casing';
import { fromAsCasing } from './dockerfile/from-as-casing';
import { instructionCasing } from './dockerfile/instruction-casing';
import { legacyKeyValue } from './dockerfile/legacy-key-value';
import { undefinedVariable } from './dockerfile/undefined-variable';
import { undefinedArgInFrom } from './dockerfile/undefined-arg-in-from';
import { invalidDefaultArgInFrom } from './dockerfile/invalid-default-arg-in-from';
import { exposeProtoCasing } from './dockerfile/expose-proto-casing';
import { exposeInvalidFormat } from './dockerfile/expose-invalid-format';
import { noEmptyContinuation } from './dockerfile/no-empty-continuation';
import { sudoInRun } from './dockerfile/sudo-in-run';
import { cdInRun } from './dockerfile/cd-in-run';
import { pipefailMissing } from './dockerfile/pipefail-missing';
import { tlsVerificationDisabled } from './dockerfile/tls-verification-disabled';
import { packageSignatureDisabled } from './dockerfile/package-signature-disabled';
import { yumMissingYes } from './dockerfile/yum-missing-yes';
import { yumCleanMissing } from './dockerfile/yum-clean-missing';
import { yumUnpinned } from './dockerfile/yum-unpinned';
import { zypperMissingYes } from './dockerfile/zypper-missing-yes';
import { zypperDistUpgrade } from './dockerfile/zypper-dist-upgrade';
import { zypperCleanMissing } from './dockerfile/zypper-clean-missing';
import { zypperUnpinned } from './dockerfile/zypper-unpinned';
import { dnfMissingYes } from './dockerfile/dnf-missing-yes';
import { dnfCleanMissing } from './dockerfile/dnf-clean-missing';
import { dnfUnpinned } from './dockerfile/dnf-unpinned';
import { runUnsuitableCommand } from './dockerfile/run-unsuitable-command';
import { wgetAndCurl } from './dockerfile/wget-and-curl';
import { wgetProgressMissing } from './dockerfile/wget-progress-missing';
import { useraddMissingL } from './dockerfile/useradd-missing-l';
import { shellViaRun } from './dockerfile/shell-via-run';

/** Every rule, explicitly listed: the order here is the order of the docs table. */
export const dockerfileRules: readonly Rule<'dockerfile'>[] = [
  dockerfileSyntax,
  imageLatestTag,
  workdirRelative,
  inlineIgnorePragma,
  onbuildForbiddenTrigger,
  envSelfReference,
  copyRelativeWithoutWorkdir,
  labelKeyInvalid,
  labelMissing,
  labelSuperfluous,
  labelEmpty,
  labelNotUrl,
  labelNotRfc3339,
  labelNotSpdx,
  labelNotGitHash,
  labelNotSemver,
  labelNotEmail,
  runConsecutive,
  instructionOrder,
  copyEntireStageRoot,
  aptGetMissingYes,
  aptGetRecommends,
  aptListsNotRemoved,
  aptUnpinned,
  aptInsteadOfAptGet,
  aptDistUpgrade,
  packageUpdateAlone,
  apkNoCache,
  apkUnpinned,
  pipNoCacheDir,
  pipUnpinned,
  npmUnpinned,
  yarnCacheNotCleaned,
  gemUnpinned,
  goInstallUnpinned,
  imageUntagged,
  imageDigestUnpinned,
  registryUntrusted,
  userRoot,
  userMissing,
  userNameUnresolvable,
  secretInEnvOrArg,
  secretFileCopied,
  copyContextUnfiltered,
  exposeSsh,
  exposeInvalidPort,
  healthcheckMissing,
  fromPlatformFlag,
  fromPlatformRedundant,
  stageNameReserved,
  execFormRecommended,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  maintainerDeprecated,
  addInsteadOfCopy,
  copyArchiveThenExtract,
  copyDestMissingSlash,
  stageNameDuplicate,
  copyFromUnknownStage,
  copyFromSelf,
  stageNameCasing,
  fromAsCasing,
  instructionCasing,
  legacyKeyValue,
  undefinedVariable,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  exposeProtoCasing,
  exposeInvalidFormat,
  noEmptyContinuation,
  sudoInRun,
  cdInRun,
  pipefailMissing,
  tlsVerificationDisabled,
  packageSignatureDisabled,
  yumMissingYes,
  yumCleanMissing,
  yumUnpinned,
  zypperMissingYes,
  zypperDistUpgrade,
  zypperCleanMissing,
  zypperUnpinned,
  dnfMissingYes,
  dnfCleanMissing,
  dnfUnpinned,
  runUnsuitableCommand,
  wgetAndCurl,
  wgetProgressMissing,
  useraddMissingL,
  shellViaRun,
];

/** Compose rules, in docs-table order; other helpers add theirs here. */
export const composeRules: readonly Rule<'compose'>[] = [
  composeYamlSyntax,
  composeSchema,
  composeVersionObsolete,
  serviceImageUntagged,
  serviceImageLatest,
  referenceUndefined,
  containerNameDuplicate,
  hostPortDuplicate,
  buildAndImage,
  serviceUserMissing,
  serviceRootUser,
  serviceRootfsWritable,
  servicePrivileged,
  serviceNoNewPrivileges,
  serviceCapAdd,
  serviceCapDropMissing,
  serviceHostNamespace,
  serviceDockerSocket,
  serviceSensitiveHostMount,
  servicePortAllInterfaces,
  serviceSecretInEnvironment,
  databaseWithoutVolume,
  databaseVolumeWrongPath,
  databaseBindMount,
  serviceHealthcheckMissing,
  serviceResourceLimitsMissing,
  servicePathMissing,
];

export const allRules: readonly Rule[] = [...dockerfileRules, ...composeRules, fileNotAnalyzed];

export function rulesFor(kind: DocumentKind): readonly Rule[] {
  return kind === 'dockerfile' ? dockerfileRules : composeRules;
}

export function findRule(idOrAlias: string): Rule | undefined {
  const wanted = idOrAlias.toLowerCase();
  return allRules.find((rule) => rule.id === wanted) ?? allRules.find((rule) => rule.aliases.some((alias) => alias.toLowerCase() === wanted));
}
