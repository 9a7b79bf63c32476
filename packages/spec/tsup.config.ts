import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/parameters.ts', 'src/validate.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: false,
  target: 'es2022',
  sourcemap: false,
});
