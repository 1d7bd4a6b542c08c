import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../util/paths.js';

/** The page's files, shipped as they are written (no build step): HTML, CSS and a small script. */
export interface PageFiles {
  html: string;
  css: string;
  js: string;
}

export function pageDir(): string {
  return path.join(packageRoot(), 'src', 'ui', 'web', 'page');
}

export function readPageFiles(dir = pageDir()): PageFiles {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { html: read('board.html'), css: read('board.css'), js: read('board.js') };
}
