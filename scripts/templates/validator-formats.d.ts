/** Used by the generated validators: ajv-formats' full format checks, date-time as RFC 3339 has it. */
export declare const fullFormats: Record<string, unknown>;
