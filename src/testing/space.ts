import type { StoredObject } from "./objects.js";

/** What a delete does: delete the object, archive it (it has activity), or refuse (what it has blocks it). */
export type OnDelete = "delete" | "archive" | "refuse";

/** Where objects live: a workspace, in live or test mode. */
export interface FakeSpace {
  /** Default: the fake's `workspace` option. */
  workspace?: string;
  /** Default false: live data. */
  testMode?: boolean;
  /**
   * For `seed`: what a delete of these objects does, where Piriod's rule turns on what the fake does not model.
   * `"archive"`: they have activity (a customer's invoices, ended subscriptions, payment sources), and a delete archives them.
   * `"refuse"`: something blocks it (a customer's active subscriptions), and a delete is answered 400. Default `"delete"`.
   */
  onDelete?: OnDelete;
}

/** How many lists of one collection are kept between writes: a page after another of the same list is served from memory. */
const KEPT_VIEWS = 32;

/**
 * The objects of one resource in one space, by id, in the order they were made; and the lists
 * made of them (filtered and sorted, by query), kept until the next write, so that reading a list
 * page after page filters and sorts it once.
 */
export class Collection {
  readonly #objects = new Map<string, StoredObject>();
  readonly #views = new Map<string, readonly StoredObject[]>();
  /** What a delete of an object does, where the test said (seed's `onDelete`): Piriod's rule turns on what the fake does not model. */
  readonly #onDelete = new Map<string, OnDelete>();

  get(id: string): StoredObject | undefined {
    return this.#objects.get(id);
  }

  values(): IterableIterator<StoredObject> {
    return this.#objects.values();
  }

  /** What a delete of object `id` does: what the test said, else delete it. */
  onDeleteOf(id: string): OnDelete {
    return this.#onDelete.get(id) ?? "delete";
  }

  setOnDelete(id: string, onDelete: OnDelete): void {
    this.#onDelete.set(id, onDelete);
  }

  set(id: string, object: StoredObject): void {
    this.#objects.set(id, object);
    this.#views.clear();
  }

  delete(id: string): void {
    this.#objects.delete(id);
    this.#onDelete.delete(id);
    this.#views.clear();
  }

  /** The list `key` names, made by `make` from every object unless it was made since the last write. */
  view(key: string, make: (objects: StoredObject[]) => readonly StoredObject[]): readonly StoredObject[] {
    let view = this.#views.get(key);
    if (view === undefined) {
      view = make([...this.#objects.values()]);
      // Forget the oldest list past the limit: a caller sending endless distinct queries holds no more than it.
      if (this.#views.size >= KEPT_VIEWS) this.#views.delete(this.#views.keys().next().value as string);
      this.#views.set(key, view);
    }
    return view;
  }
}

/** The objects of one workspace in one mode, by resource. */
export class Space {
  readonly #collections = new Map<string, Collection>();

  collection(resource: string): Collection {
    let collection = this.#collections.get(resource);
    if (collection === undefined) {
      collection = new Collection();
      this.#collections.set(resource, collection);
    }
    return collection;
  }
}
