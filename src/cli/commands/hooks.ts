import type { Command } from 'commander';

/** `hook`, `install`, `uninstall`, `doctor`: the git-hook side (issue 5). */
export function registerHooks(program: Command, setExit: (code: number) => void): void {
  void program;
  void setExit;
}
