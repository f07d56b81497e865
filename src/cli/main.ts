/** `danvan`: the command line. Every failure ends as one Vietnamese line on stderr and exit code 2. */
import { InputError } from "../xlsx/files";
import { type Args, type OptionSpec, parseArgs, UsageError } from "./args";
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
import {
  ROLLUP_SETTING_OPTIONS,
  campaignCommand,
  codeCommand,
  devicesCommand,
  revokeCommand,
  rollupCommand,
  rollupSettingsCommand,
} from "./hierarchy-commands";
import { admin, enrollCommand, serve, syncCommand } from "./sync-commands";

type Command = OptionSpec & {
  /** One line per form of the command, then what it does. */
  usage: string;
  run: (a: Args, now: number) => Promise<Output>;
};

const COMMANDS: Record<string, Command> = {
  new: {
    usage: `danvan new --out SO.xlsx --ap "Cầu,Trại Bí" [--force]
  Tạo sổ kế hoạch trống với các trang ấp đã kể; không ghi đè tệp đã có nếu không có --force.`,
    positionals: 0,
    valued: ["out", "ap"],
    switches: ["force"],
    run: (a) => newWorkbook(a),
  },
  import: {
    usage: `danvan import KE-HOACH.docx --out SO.xlsx [--force] [--json]
  Nhập kế hoạch từ tệp Word (.docx) hoặc văn bản (.txt, UTF-8) thành sổ kế hoạch mới;
  không ghi đè tệp đã có nếu không có --force.
  Mã thoát 1: đã ghi sổ nhưng có điều cần kiểm tra lại (các dòng "Lưu ý").`,
    positionals: 1,
    valued: ["out"],
    switches: ["json", "force"],
    run: (a) => importCommand(a),
  },
  check: {
    usage: `danvan check SO.xlsx [--as-of 2024-12-09T16:00] [--json]
  Mọi chỗ sai trong sổ, kèm trang và ô.`,
    positionals: 1,
    valued: ["as-of"],
    switches: ["json"],
    run: check,
  },
  totals: {
    usage: `danvan totals SO.xlsx [--as-of 2024-12-09T16:00] [--json]
  Chỉ tiêu ghi trong kế hoạch so với cộng các công việc, theo ấp, và đã làm được.`,
    positionals: 1,
    valued: ["as-of"],
    switches: ["json"],
    run: totals,
  },
  deadlines: {
    usage: `danvan deadlines SO.xlsx [--as-of 2024-12-09T16:00] [--json]
  Các thời hạn và báo cáo ngày của từng ấp.`,
    positionals: 1,
    valued: ["as-of"],
    switches: ["json"],
    run: deadlines,
  },
  report: {
    usage: `danvan report SO.xlsx [--date 2024-12-12] [--out BC.xlsx] [--as-of …] [--json]
danvan report SO.xlsx --date 2024-12-12 --send [--server URL] [--json]
  Báo cáo nhanh trong ngày (mặc định hôm nay, ngoài đợt thì ngày cuối đợt); --out ghi trang "BC dd-mm-yyyy"
  (vào một tệp đã có: thêm hoặc thay đúng trang đó, các trang khác giữ nguyên).
  --send (thiết bị của xã): gửi báo cáo lên tỉnh qua hàng chờ; gửi lại cùng ngày thì thay bản trước
  ({"sent":true,"version":N}); chưa có mạng: {"sent":false,"queued":true}, mã thoát 1, gửi một lần khi chạy lại.
  Sổ chưa có kế hoạch hoặc ngày ngoài đợt: không lập báo cáo, mã thoát 2.`,
    positionals: 1,
    valued: ["date", "out", "as-of", "server"],
    switches: ["json", "send"],
    run: report,
  },
  demo: {
    usage: `danvan demo [--dir demo]
  Sổ mẫu từ kế hoạch mẫu, kèm ba ngày nhật ký và một báo cáo.`,
    positionals: 0,
    valued: ["dir"],
    switches: [],
    run: (a) => demo(a),
  },
  serve: {
    usage: `danvan serve [--port 8787] [--host 127.0.0.1] [--db ./data/danvan.db | postgres://…] [--cors-origin URL] [--log-level info]
  Máy chủ đồng bộ; mỗi yêu cầu một dòng nhật ký JSON (--log-level warn, error, silent… để bớt).`,
    positionals: 0,
    valued: ["port", "db", "host", "cors-origin", "log-level"],
    switches: [],
    run: (a) => serve(a),
  },
  admin: {
    usage: `danvan admin org create --db URL --kind province --name TỈNH [--json]
danvan admin campaign create --db URL --from SO.xlsx [--province TÊN] [--json]
danvan admin code --db URL --hamlet TÊN [--campaign SỐ | --commune XÃ] [--json]
danvan admin revoke --db URL --device SỐ
  Việc của người quản trị máy chủ: tạo tỉnh (kèm mã đăng ký cho thiết bị của tỉnh; mọi việc khác làm qua
  máy chủ: danvan code, campaign create), tạo đợt, cấp mã đăng ký, thu hồi thiết bị.`,
    positionals: 2,
    valued: ["db", "from", "hamlet", "campaign", "commune", "province", "device", "kind", "name"],
    switches: ["json"],
    run: (a) => admin(a),
  },
  enroll: {
    usage: `danvan enroll --server URL --code MÃ [--name TÊN] [--json]
  Đăng ký máy này với mã đăng ký của ấp, xã, huyện hoặc tỉnh.`,
    positionals: 0,
    valued: ["server", "code", "name"],
    switches: ["json"],
    run: (a) => enrollCommand(a),
  },
  code: {
    usage: `danvan code --commune TÊN [--district TÊN] | --district TÊN | --hamlet TÊN [--server URL] [--json]
  Mã đăng ký mới (dùng một lần, 14 ngày): tỉnh cấp cho xã (tạo xã trong tỉnh, hoặc trong huyện) hoặc huyện;
  xã cấp cho ấp của đợt mới nhất. Cấp lại cho cùng nơi được.`,
    positionals: 0,
    valued: ["server", "commune", "district", "hamlet"],
    switches: ["json"],
    run: (a) => codeCommand(a),
  },
  campaign: {
    usage: `danvan campaign create SO.xlsx [--server URL] [--json]
  Thiết bị của xã tạo đợt từ sổ kế hoạch; in mã đăng ký của từng ấp.`,
    positionals: 2,
    valued: ["server"],
    switches: ["json"],
    run: (a) => campaignCommand(a),
  },
  devices: {
    usage: `danvan devices [--server URL] [--json]
  Các thiết bị thuộc phạm vi của máy này (số thiết bị để thu hồi).`,
    positionals: 0,
    valued: ["server"],
    switches: ["json"],
    run: (a) => devicesCommand(a),
  },
  revoke: {
    usage: `danvan revoke --device SỐ [--server URL]
  Thu hồi một thiết bị thuộc phạm vi của máy này.`,
    positionals: 0,
    valued: ["server", "device"],
    switches: [],
    run: (a) => revokeCommand(a),
  },
  rollup: {
    usage: `danvan rollup --date 2024-12-12 [--out TH.xlsx] [--server URL] [--json]
  Thiết bị của tỉnh (huyện): tổng hợp báo cáo các xã trong ngày, xã chưa gửi và gửi trễ; --out ghi trang
  "TH dd-mm-yyyy" (vào một tệp đã có: thêm hoặc thay đúng trang đó).`,
    positionals: 0,
    valued: ["server", "date", "out"],
    switches: ["json"],
    run: rollupCommand,
  },
  "rollup-settings": {
    usage: `danvan rollup-settings [--deadline 16:30] [--name …] [--party-committee …] [--issuer …] [--place-name …]
    [--report-place …] [--signer …] [--server URL] [--json]
  Thiết bị của tỉnh (huyện): giờ nhận báo cáo của các xã (mặc định 16:30 cùng ngày; gửi sau là trễ) và tiêu
  đề trang TH; không có tùy chọn thì chỉ in ra.`,
    positionals: 0,
    valued: ["server", ...ROLLUP_SETTING_OPTIONS],
    switches: ["json"],
    run: (a) => rollupSettingsCommand(a),
  },
  sync: {
    usage: `danvan sync SO.xlsx [--server URL] [--json]
  Gửi nhật ký của máy này và nhận nhật ký về sổ.`,
    positionals: 1,
    valued: ["server"],
    switches: ["json"],
    run: (a) => syncCommand(a),
  },
};

const HELP = `DanVan — sổ kế hoạch công tác dân vận trên Excel

Cách dùng:
${Object.values(COMMANDS)
  .map((c) => c.usage.replace(/^/gm, "  "))
  .join("\n")}

"danvan <lệnh> --help" cho cách dùng một lệnh.
Mã thoát: 0 xong và không có lỗi; 1 có lỗi trong sổ; 2 sai cách dùng hoặc không đọc được tệp.`;

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
    const args = parseArgs(rest, command);
    if (args.switches.has("help"))
      return { code: 0, stdout: `Cách dùng:\n${command.usage}`, stderr: "" };
    const out = await command.run(args, nowMs);
    return { code: out.code, stdout: out.stdout, stderr: out.stderr ?? "" };
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError)
      return { code: 2, stdout: "", stderr: `Lỗi: ${e.message}` };
    // A fault of DanVan's own, not of the input: the user gets Vietnamese, the detail goes to DANVAN_DEBUG.
    if (process.env.DANVAN_DEBUG) console.error(e);
    return {
      code: 2,
      stdout: "",
      stderr: `Lỗi: DanVan gặp lỗi ngoài dự kiến khi chạy "danvan ${name}". Chạy lại với DANVAN_DEBUG=1 để xem chi tiết và gửi cho người hỗ trợ.`,
    };
  }
}

export async function main(argv: string[]): Promise<void> {
  const result = await run(argv);
  if (result.stdout) process.stdout.write(result.stdout + "\n");
  if (result.stderr) process.stderr.write(result.stderr + "\n");
  process.exitCode = result.code;
}
