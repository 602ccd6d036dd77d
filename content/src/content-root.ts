import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder that holds `lectures/` and `exercises/`: `GRADLAB_CONTENT_DIR` when set, else
 * the first `content/` folder (with a `lectures/` inside) found walking up from the current
 * directory. Next.js bundles this module, so it cannot rely on its own file location.
 */
export function contentRoot(): string {
  const configured = process.env.GRADLAB_CONTENT_DIR;
  if (configured) return path.resolve(configured);
  let dir = process.cwd();
  for (;;) {
    for (const candidate of [dir, path.join(dir, 'content')]) {
      if (
        fs.existsSync(path.join(candidate, 'lectures')) &&
        fs.existsSync(path.join(candidate, 'package.json'))
      ) {
        return candidate;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `gradlab content not found: no content/lectures folder above ${process.cwd()} (set GRADLAB_CONTENT_DIR)`,
      );
    }
    dir = parent;
  }
}
