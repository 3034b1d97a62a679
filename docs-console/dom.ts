/** The little the console needs to build its elements: no framework, nothing the page must load. */

type Child = Node | string | false | undefined;
type Attributes = Record<string, string | boolean | undefined>;

/** An element with its attributes (`true` sets one empty, `false` and `undefined` leave it out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const child of children.flat()) if (child !== false && child !== undefined) element.append(child);
  return element;
}

/** A description of the spec as text, its `code` spans as code: the spec's Markdown needs no more here. */
export function describedText(markdown: string): (Node | string)[] {
  const paragraph = markdown.split(/\n\s*\n/)[0]?.replaceAll("\n", " ") ?? "";
  return paragraph.split("`").map((part, index) => (index % 2 === 1 ? h("code", {}, part) : part));
}

/** Replaces what `parent` holds. */
export function show(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren(
    ...children.flat().filter((child): child is Node | string => child !== false && child !== undefined),
  );
}
