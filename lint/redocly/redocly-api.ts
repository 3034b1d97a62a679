/**
 * Redocly's plugin interface, as far as these rules use it (Redocly CLI 2.77 bundles its own @redocly/openapi-core, whose types
 * the project does not install). A rule is a function returning visitors: objects whose `enter` Redocly calls for each node of
 * that type in the spec, its `$ref`s followed, with the node and its context.
 */

/** Where a node stands: its file and JSON Pointer there; `child` is the location of one of its keys. */
export interface Location {
  readonly source: { readonly absoluteRef: string };
  readonly pointer: string;
  child(key: string | number | (string | number)[]): Location;
}

export interface RuleContext {
  /** The key the node has in its parent: a path item's path, an operation's method. */
  readonly key: string | number;
  readonly location: Location;
  report(problem: { message: string; location?: Location }): void;
  /** Follows a `$ref` (relative to `from`, by default the node's own file): the node it names and where it stands. */
  resolve<T>(node: unknown, from?: string): { node: T | undefined; location: Location | undefined };
}

export interface Visitor<Node> {
  enter(node: Node, context: RuleContext): void;
}

/** What a rule's function returns: a visitor per type of node (`Operation`, `Parameter`, `Schema`, `PathItem` …). */
export type RuleVisitors = Record<string, Visitor<never>>;

export type Rule = () => RuleVisitors;

export interface Plugin {
  id: string;
  rules: { oas3: Record<string, Rule> };
}
