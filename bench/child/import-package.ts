// Imports one module and ends: a fresh process running this, less a bare `node -e 0`, is the cost of importing it.
const { module } = JSON.parse(process.argv[2]!) as { module: string };
await import(module);
