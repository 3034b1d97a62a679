import { operations } from "../../generated/operations.js";
import { type Route, routesOf, type Shape } from "../testing/routes.js";

/** The package's operations as the fake serves them: each with its client method and its shape (a create, a list, …). */
export const ROUTES: readonly Route[] = routesOf(operations);
export type { Route, Shape };
