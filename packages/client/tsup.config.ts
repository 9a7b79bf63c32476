import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // The version in the user agent (src/internal/user-agent.ts).
  define: { __VERSION__: JSON.stringify(version) },
  // The one parameter checker of the kit, from the spec package, is bundled in: the client needs
  // neither the spec package nor a JSON Schema validator at run time.
  noExternal: [/^@insightiq\/profiles-spec\/parameters$/],
});
