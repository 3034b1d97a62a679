// A client made from the environment alone, in a runtime that resolves packages itself: what its request carries, or why it was
// refused.
import * as api from "@piriod/api";
import { identity } from "./scenario.mjs";

console.log(JSON.stringify(await identity(api)));
