/**
 * Pure: template data that refuses to read a value it does not have. Eta prints a missing value as
 * an empty string, so a misspelt `it.sitTitle` in an override would publish a page with a hole in
 * it; through this proxy it fails the build with the name and what the template does receive.
 */

const proxies = new WeakMap<object, object>();
const proxied = new WeakSet<object>();

/** Keys JavaScript itself probes (JSON.stringify, await, string conversion): absent ones read as undefined. */
const PROBED_KEYS = new Set(["toJSON", "then", "toString", "valueOf"]);

/** A read-through view of plain objects and arrays (deeply) whose missing keys throw. */
export function strictData<T>(value: T, path: string): T {
  if (value === null || typeof value !== "object" || proxied.has(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  const known = proxies.get(value);
  if (known) return known as T;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      const inner: unknown = Reflect.get(target, key, receiver);
      // arrays read past their end in ordinary loops; only object fields are checked
      if (typeof key === "symbol" || typeof inner === "function") return inner;
      if (Array.isArray(target) || key in target || PROBED_KEYS.has(key)) return strictData(inner, `${path}.${key}`);
      throw new ReferenceError(
        `${path}.${key} does not exist; ${path} has ${Object.keys(target).join(", ") || "no fields"}`,
      );
    },
  });
  proxies.set(value, proxy);
  proxied.add(proxy);
  return proxy;
}
