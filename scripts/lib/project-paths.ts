import path from "node:path";

/**
 * Where the pipeline reads and writes, relative to a project root. Every script takes the
 * root from the working directory, so tests can run the real scripts on a copy of the spec.
 */
export interface ProjectPaths {
  root: string;
  specRoot: string;
  redoclyConfig: string;
  generatedDir: string;
}

export function projectPaths(root: string = process.cwd()): ProjectPaths {
  return {
    root,
    specRoot: path.join(root, "openapi", "openapi.yaml"),
    redoclyConfig: path.join(root, "redocly.yaml"),
    generatedDir: path.join(root, "generated"),
  };
}
