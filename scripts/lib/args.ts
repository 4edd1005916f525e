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
      if (v === undefined || (inline === undefined && v.startsWith('--')) || v === '') throw new Error(`--${name} needs a value`);
      out.options[name] = v;
    } else if (booleans.includes(name)) {
      out.flags[name] = true;
    } else {
      throw new Error(`Unknown option --${name}`);
    }
  }
  return out;
}

/** parseArgs, or one line saying what is wrong and exit status 2 (no stack trace). */
export function parseArgsOrExit(argv: string[], valued: string[], booleans: string[], fail: (message: string) => never): Args {
  try {
    return parseArgs(argv, valued, booleans);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}
