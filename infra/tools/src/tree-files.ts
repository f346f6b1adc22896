import type { Tree } from '@nx/devkit';

/** A file of the tree that must be there. */
export function readRequired(tree: Tree, path: string): string {
  const content = tree.read(path, 'utf-8');
  if (content === null) throw new Error(`${path} is missing: is this a Ferry workspace?`);
  return content;
}
