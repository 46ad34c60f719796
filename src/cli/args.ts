/** A small argument parser: `thidua COMMAND FILE [--flag value]…`. Unknown flags are refused by name. */
export interface ParsedArgs {
  command?: string;
  positional: string[];
  flags: Map<string, string | true>;
}

const WITH_VALUE = new Set(['--sheet', '--format', '-o', '--output', '--template', '--year', '--bloc', '--quy-che']);

export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
    else if (WITH_VALUE.has(a)) flags.set(a, argv[++i] ?? '');
    else if (a.startsWith('-') && a !== '-') flags.set(a, true);
    else positional.push(a);
  }
  return { command: positional.shift(), positional, flags };
}
