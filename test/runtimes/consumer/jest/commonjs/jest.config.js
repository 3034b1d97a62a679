// Jest's CommonJS mode, as docs/runtimes.md sets it up: babel-jest compiles @piriod/api's ES modules
// (which Jest's module system cannot require before Node 24.9) to CommonJS.
module.exports = {
  transform: { "\\.[cm]?js$": ["babel-jest", { presets: [["@babel/preset-env", { targets: { node: "current" } }]] }] },
  transformIgnorePatterns: ["/node_modules/(?!@piriod/api/)"],
};
