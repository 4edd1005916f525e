/** A small argv reader: `--name value`, `--name=value`, boolean `--flag`, and positionals. */
export interface Args {
  options: Record<string, string>;
  flags: Record<string, boolean>;
  positional: string[];
}

export function parseArgs(argv: string[], valued: string[], booleans: string[]): Args {
  const out: Args = { options: {}, flags: {}, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`--${name} needs a value`);
      out.options[name] = v;
    } else if (booleans.includes(name)) {
      out.flags[name] = true;
    } else {
      throw new Error(`Unknown option --${name}`);
    }
  }
  return out;
}
