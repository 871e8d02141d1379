// Types of compose-validators.js, which scripts/generate-validators.mjs writes (at build and before tests).
import type { ValidateFunction } from 'ajv';

/** The whole Compose Specification schema. */
export declare const document: ValidateFunction;
/** Its service definition (`#/definitions/service`). */
export declare const service: ValidateFunction;
