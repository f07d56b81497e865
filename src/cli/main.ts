/** `danvan`: the command line. Every failure ends as one Vietnamese line on stderr and exit code 2. */
import { InputError } from "../xlsx/files";
import { parseArgs, UsageError } from "./args";
import {
  type Output,
  check,
  deadlines,
  importCommand,
  newWorkbook,
  report,
  totals,
} from "./commands";
import { demo } from "./demo";
import { admin, enrollCommand, serve, syncCommand } from "./sync-commands";

const HELP = `DanVan — sổ kế hoạch công tác dân vận trên Excel

Cách dùng:
  danvan new --out SO.xlsx [--ap "Cầu,Trại Bí"]         tạo sổ kế hoạch trống
  danvan import KE-HOACH.txt --out SO.xlsx [--json]     nhập kế hoạch từ văn bản
  danvan check SO.xlsx [--as-of 2024-12-09T16:00] [--json]
  danvan totals SO.xlsx [--json]
  danvan deadlines SO.xlsx [--as-of …] [--json]
  danvan report SO.xlsx [--date 2024-12-12] [--out BC.xlsx] [--as-of …] [--json]
  danvan demo [--dir demo]                              sổ mẫu từ kế hoạch mẫu
  danvan serve [--port 8787] [--db ./data/danvan.db | postgres://…]   máy chủ đồng bộ
  danvan admin campaign create --db URL --from SO.xlsx [--json]       tạo đợt và mã đăng ký
  danvan admin code --db URL --hamlet TÊN [--json]                    thêm mã cho một ấp
  danvan admin revoke --db URL --device SỐ                            thu hồi thiết bị
  danvan enroll --server URL --code MÃ                                đăng ký thiết bị
  danvan sync SO.xlsx [--server URL] [--json]                         gửi và nhận nhật ký

Mã thoát: 0 xong và không có lỗi; 1 có lỗi trong sổ; 2 sai cách dùng hoặc không đọc được tệp.`;

type Command = {
  valued: string[];
  run: (a: ReturnType<typeof parseArgs>, now: number) => Promise<Output>;
};

const COMMANDS: Record<string, Command> = {
  new: { valued: ["out", "ap"], run: (a) => newWorkbook(a) },
  import: { valued: ["out"], run: (a) => importCommand(a) },
  check: { valued: ["as-of"], run: check },
  totals: { valued: [], run: (a) => totals(a) },
  deadlines: { valued: ["as-of"], run: deadlines },
  report: { valued: ["date", "out", "as-of"], run: report },
  demo: { valued: ["dir"], run: (a) => demo(a) },
  serve: { valued: ["port", "db", "host", "cors-origin"], run: (a) => serve(a) },
  admin: {
    valued: ["db", "from", "hamlet", "campaign", "province", "device"],
    run: (a) => admin(a),
  },
  enroll: { valued: ["server", "code", "name"], run: (a) => enrollCommand(a) },
  sync: { valued: ["server"], run: (a) => syncCommand(a) },
};

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], nowMs = Date.now()): Promise<RunResult> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h")
    return { code: name ? 0 : 2, stdout: HELP, stderr: "" };
  const command = COMMANDS[name];
  if (!command)
    return {
      code: 2,
      stdout: "",
      stderr: `Lỗi: không có lệnh "${name}". Gõ "danvan help" để xem các lệnh.`,
    };
  try {
    const out = await command.run(parseArgs(rest, command.valued, ["json"]), nowMs);
    return { code: out.code, stdout: out.stdout, stderr: "" };
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError)
      return { code: 2, stdout: "", stderr: `Lỗi: ${e.message}` };
    return {
      code: 2,
      stdout: "",
      stderr: `Lỗi: không xử lý được yêu cầu (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
}

export async function main(argv: string[]): Promise<void> {
  const result = await run(argv);
  if (result.stdout) process.stdout.write(result.stdout + "\n");
  if (result.stderr) process.stderr.write(result.stderr + "\n");
  process.exitCode = result.code;
}
