// The library build (tsc → lib/) emits only JavaScript and .d.ts; the files
// the modules reach through `new URL('./…', import.meta.url)` (the keep-alive
// clip, the fallback voice packs) must sit beside them in lib/ as in src/.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = 'src';
const out = 'lib';
let copied = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!/\.(ts|md|css)$/.test(name) && name !== '.gitignore') {
      cpSync(path, join(out, relative(src, path)));
      copied++;
    }
  }
}
walk(src);
console.log(`copied ${copied} asset file(s) into ${out}/`);
