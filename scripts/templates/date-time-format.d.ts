/** Whether `value` is an RFC 3339 date-time naming an instant that exists. */
export declare function isDateTime(value: string): boolean;
