/** A small argument parser: positionals, `--flag value`, `--flag=value` and boolean switches. */

export class UsageError extends Error {}

export interface Args {
  positional: string[];
  options: Map<string, string>;
  switches: Set<string>;
}

export function parseArgs(
  argv: string[],
  valued: readonly string[],
  switches: readonly string[]
): Args {
  const out: Args = { positional: [], options: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name)) out.switches.add(name);
    else if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--")))
        throw new UsageError(`Thiếu giá trị cho --${name}.`);
      out.options.set(name, value);
    } else throw new UsageError(`Không có tùy chọn --${name}.`);
  }
  return out;
}
