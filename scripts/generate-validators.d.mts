import type { Options } from 'ajv';

/** Where the generated validators are written. */
export declare const VALIDATORS: string;
/** The ajv options they are compiled with. */
export declare const OPTIONS: Options;
/** Writes the validators when the schema, the script or ajv changed; true when it wrote them. */
export declare function generateValidators(): boolean;
