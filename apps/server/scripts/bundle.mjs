// Compiles the server for production: src/main.ts and everything of the workspace it imports
// (@crmflow/db, engine, flow) into one ES module, dist/main.mjs, so the process starts without
// compiling TypeScript at start. Packages from npm stay outside the bundle and are loaded from
// node_modules as they are (native modules, WebAssembly and font files need their own folders);
// a hoisted install (`node-linker=hoisted`, as the Docker image makes) lets the bundle find them.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist', import.meta.url));

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: serverDir,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'npm-packages-outside',
      setup(builder) {
        // A bare specifier is a package: the workspace's own go in, the rest stay outside.
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@crmflow/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
console.log(`bundled ${outdir}/main.mjs`);
