/**
 * The git repository init runs in, read from its files (no git command needed): where its root is
 * (GitHub runs only the root's .github/workflows/), its default branch and its GitHub name.
 */
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** What init uses of the repository around the current folder. */
export interface Repository {
  /** Absolute path of the folder holding `.git`. */
  root: string;
  /** The branch origin's HEAD names (the default branch on GitHub), when the clone recorded it. */
  defaultBranch?: string;
  /** owner/name of a github.com origin. */
  github?: string;
}

/** The repository `dir` is in, or undefined when it is in none. */
export async function readRepository(dir: string): Promise<Repository | undefined> {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    const dotGit = join(folder, ".git");
    const kind = await stat(dotGit).then(
      (s) => (s.isDirectory() ? "dir" : "file"),
      () => undefined,
    );
    if (kind) return { root: folder, ...(await readGitDetails(kind === "dir" ? dotGit : await gitDirOf(dotGit))) };
    if (dirname(folder) === folder) return undefined;
  }
}

/** A worktree's or submodule's `.git` file: `gitdir: <path>`. */
async function gitDirOf(dotGitFile: string): Promise<string> {
  const text = await readFile(dotGitFile, "utf8");
  return resolve(dirname(dotGitFile), /^gitdir:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? ".git");
}

async function readGitDetails(gitDir: string): Promise<Omit<Repository, "root">> {
  const read = (path: string) => readFile(join(gitDir, path), "utf8").catch(() => "");
  const common = (await read("commondir")).trim();
  const shared = common ? resolve(gitDir, common) : gitDir;
  const readShared = (path: string) => readFile(join(shared, path), "utf8").catch(() => "");
  const originHead = /^ref: refs\/remotes\/origin\/(.+)$/m.exec(await readShared("refs/remotes/origin/HEAD"))?.[1];
  const origin = /\[remote "origin"\][^[]*?url\s*=\s*(\S+)/.exec(await readShared("config"))?.[1];
  return { defaultBranch: originHead?.trim(), github: origin ? githubName(origin) : undefined };
}

/** owner/name of a GitHub URL (https, ssh or scp-like), or undefined for another host. */
export function githubName(url: string): string | undefined {
  return /github\.com[:/]+([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url)?.[1];
}
