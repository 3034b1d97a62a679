// Tests import bench/ already (the bundle budget); one check serves both.
export { defined } from "../../bench/lib/defined.ts";
