// Writes generated files, or with `check` only compares them: the one loop behind every
// "generated, do not edit" file of the repository (the spec's examples, the types, the client's
// contract rules).
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * `files`: [{ path, text }]. Writes the files whose text differs; with `check`, writes nothing and
 * reports each stale file with `hint` (the command that regenerates it). Returns the number stale.
 */
export function writeGenerated(files, { check = false, root = process.cwd(), hint }) {
  let stale = 0;
  for (const { path, text } of files) {
    let current = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`stale generated file: ${relative(root, path)}. Run \`${hint}\` and commit the result.`);
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${relative(root, path)}`);
    }
  }
  if (check && !stale) console.log(`generated files are current (${files.length})`);
  return stale;
}
