/** Command-line arguments through Node's own parser (util.parseArgs), with Vietnamese messages. */
import { parseArgs as nodeParseArgs } from "node:util";

export class UsageError extends Error {}

export interface Args {
  positional: string[];
  options: Map<string, string>;
  switches: Set<string>;
}

/** The options a command takes: valued ones ("--out F.xlsx") and switches ("--json"). */
export interface OptionSpec {
  valued: readonly string[];
  switches: readonly string[];
  /** How many words it takes besides options ("campaign create SO.xlsx": 2); more is a usage error. */
  positionals: number;
}

interface ParseArgsError extends Error {
  code?: string;
}

/** Node's parser reports in English; the user reads one Vietnamese line. */
function usageError(e: ParseArgsError): UsageError {
  const name = /'(-{1,2}[^'\s]*)/.exec(e.message)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return new UsageError(`Không có tùy chọn ${name}.`);
  if (/does not take an argument/.test(e.message))
    return new UsageError(`Tùy chọn ${name} không nhận giá trị.`);
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return new UsageError(`Thiếu giá trị cho ${name}.`);
  return new UsageError(`Tham số không hợp lệ (${name || "?"}).`);
}

export function parseArgs(argv: readonly string[], spec: OptionSpec): Args {
  const options = Object.fromEntries([
    ...spec.valued.map((n) => [n, { type: "string" as const }]),
    ...spec.switches.map((n) => [n, { type: "boolean" as const }]),
    ["help", { type: "boolean" as const, short: "h" }],
  ]);
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e as ParseArgsError);
  }
  const extra = parsed.positionals[spec.positionals];
  if (extra !== undefined) throw new UsageError(`Thừa tham số "${extra}".`);
  const out: Args = { positional: parsed.positionals, options: new Map(), switches: new Set() };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string") out.options.set(name, value);
    else if (value === true) out.switches.add(name);
  }
  return out;
}
