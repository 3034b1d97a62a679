import type { paths } from "../generated/schema.js";

/** Header parameters the client sends on every request from its options. */
type InjectedHeader = "x-simple-workspace" | "x-piriod-test-mode";

/** Parameters with the injected headers made optional: a call may still override them, never has to. */
type WithOptionalInjectedHeaders<Parameters> = Parameters extends { header: infer Header }
  ? Omit<Parameters, "header"> & { header?: Omit<Header, InjectedHeader> & Partial<Pick<Header, Extract<keyof Header, InjectedHeader>>> }
  : Parameters;

type WithOptionalInjectedHeadersInOperation<Operation> = Operation extends { parameters: infer Parameters }
  ? Omit<Operation, "parameters"> & { parameters: WithOptionalInjectedHeaders<Parameters> }
  : Operation;

/** The spec's `paths` as `piriod.raw` sees them: no call has to pass the headers the client injects. */
export type ClientPaths = {
  [Path in keyof paths]: {
    [Key in keyof paths[Path]]: Key extends "parameters"
      ? WithOptionalInjectedHeaders<paths[Path][Key]>
      : WithOptionalInjectedHeadersInOperation<paths[Path][Key]>;
  };
};
