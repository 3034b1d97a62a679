/**
 * Returns a function that, on its first call, makes `Light` pass for the standard class it
 * stands in for (`instanceof Request` holds) and serves every standard member `Light` does not
 * implement from a standard object built on demand by `toStandard`. The light classes implement
 * the members the client uses; the rest (streams, `formData()`, `cache`, …) stay available at
 * the cost of one standard object, built only if asked. The work waits for the first instance
 * because in Node touching `Request` or `Response` loads the bundled undici (about 15 ms), which
 * importing the package should not cost.
 */
export function standardMembersOnFirstUse<Light extends object>(
  Light: abstract new (...args: never[]) => Light,
  standard: () => (abstract new (...args: never[]) => object) | undefined,
  toStandard: (light: Light) => object,
): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    inheritStandardMembers(Light, standard(), toStandard);
  };
}

function inheritStandardMembers<Light extends object>(
  Light: abstract new (...args: never[]) => Light,
  Standard: (abstract new (...args: never[]) => object) | undefined,
  toStandard: (light: Light) => object,
): void {
  // A runtime without the standard class (none the client supports) keeps the light class alone.
  if (Standard === undefined) return;
  Object.setPrototypeOf(Light.prototype, Standard.prototype);
  for (const key of Reflect.ownKeys(Standard.prototype)) {
    if (key === "constructor" || Object.prototype.hasOwnProperty.call(Light.prototype, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(Standard.prototype, key)!;
    if (descriptor.get) {
      Object.defineProperty(Light.prototype, key, {
        configurable: true,
        get(this: Light) {
          return Reflect.get(Standard.prototype, key, toStandard(this));
        },
      });
    } else if (typeof descriptor.value === "function") {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(Light.prototype, key, {
        configurable: true,
        writable: true,
        value(this: Light, ...args: unknown[]) {
          return method.apply(toStandard(this), args);
        },
      });
    }
  }
}

/** Node's `util.inspect` hook, named without importing a Node module. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
