// Jest's ESM mode (run with node --experimental-vm-modules): no transform, the package imported as it is.
export default { transform: {} };
