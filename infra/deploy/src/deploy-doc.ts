/**
 * docs/deploy.md, read as something to run: its shell commands and its example overlay. The
 * manifest check holds every command against what exists (scripts, overlays, Jobs, Secrets) and
 * renders the example, so the page cannot drift from the manifests it describes.
 */

/** Shell lines of the page's `sh` blocks, without their trailing comments. */
export function shellCommands(markdown: string): string[] {
  return fencedBlocks(markdown, 'sh').flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/** The YAML block whose first line names `<dir>/kustomization.yaml`: the example overlay. */
export function exampleOverlay(markdown: string): { dir: string; text: string } {
  for (const block of fencedBlocks(markdown, 'yaml')) {
    const match = /^# ([\w.-]+)\/kustomization\.yaml\n/.exec(block);
    if (match?.[1] !== undefined) return { dir: match[1], text: block };
  }
  throw new Error(
    'docs/deploy.md has no example overlay (a yaml block "# <dir>/kustomization.yaml")',
  );
}

function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm');
  for (const match of markdown.matchAll(fence)) {
    const indent = match[1] ?? '';
    blocks.push(
      (match[2] ?? '')
        .split('\n')
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n'),
    );
  }
  return blocks;
}

/** What the commands refer to, each of which the check looks up. */
export interface CommandReferences {
  /** `npm run <script>`. */
  readonly scripts: string[];
  /** Directories given to `kubectl kustomize`, `apply -k`, `delete -k`. */
  readonly kustomizations: string[];
  /** `kubectl … create secret generic <name>`. */
  readonly secrets: string[];
  /** Label selectors of `kubectl wait … job -l <selector>`. */
  readonly jobSelectors: string[];
}

export function commandReferences(commands: readonly string[]): CommandReferences {
  const references: CommandReferences = {
    scripts: [],
    kustomizations: [],
    secrets: [],
    jobSelectors: [],
  };
  for (const command of commands) {
    const words = command.split(/\s+/);
    const after = (word: string): string | undefined => {
      const index = words.indexOf(word);
      return index < 0 ? undefined : words[index + 1];
    };
    if (words[0] === 'npm' && words[1] === 'run' && words[2] !== undefined)
      references.scripts.push(words[2]);
    if (words[0] !== 'kubectl') continue;
    const kustomization = words.includes('kustomize') ? after('kustomize') : after('-k');
    if (kustomization !== undefined) references.kustomizations.push(kustomization);
    if (words.includes('secret') && words.includes('generic')) {
      const name = after('generic');
      if (name !== undefined) references.secrets.push(name);
    }
    if (words.includes('wait') && words.includes('job')) {
      const selector = after('-l');
      if (selector !== undefined) references.jobSelectors.push(selector);
    }
  }
  return references;
}
