/** Used by the generated validators: ajv-formats' full format checks. */
export declare const fullFormats: Record<string, unknown>;
