// Creates an administrator on the local D1 (default) or on the deployed one (--remote). There is
// no default password anywhere: the password is typed (hidden) or piped on standard input.
//
//   npm run admin:create -- --email wang@example.gov.cn --name 王管理 [--remote] [--persist-to DIR]
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { checkPasswordStrength, hashPassword } from "../worker/auth/password";
import { adminInput, adminInsertSql } from "./admin/admin-sql";
import { bin, run } from "./lib/run.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    remote: { type: "boolean", default: false },
    "persist-to": { type: "string" },
  },
});

const parsed = adminInput.safeParse({ email: values.email, name: values.name });
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error("用法：npm run admin:create -- --email 邮箱 --name 姓名 [--remote]");
  process.exit(2);
}

const password = process.stdin.isTTY ? await promptTwice() : await readStdin();
const strength = checkPasswordStrength(password);
if (!strength.ok) {
  console.error(`密码不符合要求：${strength.message}`);
  process.exit(2);
}

const sql = adminInsertSql({
  ...parsed.data,
  passwordHash: await hashPassword(password),
  now: new Date(),
});
const target = values.remote ? ["--remote"] : ["--local"];
if (!values.remote && values["persist-to"]) target.push("--persist-to", values["persist-to"]);
try {
  await run(bin("wrangler"), ["d1", "execute", "DB", ...target, "--command", sql], {
    env: { CI: "true" },
  });
} catch {
  console.error("创建失败（该邮箱可能已有账号，或数据库尚未迁移）。");
  process.exit(1);
}
console.log(
  `已创建管理员 ${parsed.data.email.toLowerCase()}（${values.remote ? "远程" : "本地"}数据库）`,
);

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

async function promptTwice(): Promise<string> {
  const first = await promptHidden("密码：");
  const second = await promptHidden("再次输入密码：");
  if (first !== second) {
    console.error("两次输入的密码不一致");
    process.exit(2);
  }
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    process.stdout.write(question);
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
