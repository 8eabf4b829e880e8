import { z } from "zod";

export const adminInput = z.strictObject({
  email: z.email("邮箱格式不正确").max(200),
  name: z.string().trim().min(1, "姓名不能为空").max(100),
});

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The one statement that creates an administrator; only the password's hash is stored. */
export function adminInsertSql(input: {
  email: string;
  name: string;
  passwordHash: string;
  now: Date;
}) {
  const values = [
    quote(input.email.trim().toLowerCase()),
    quote(input.name.trim()),
    quote("admin"),
    quote(input.passwordHash),
    "1",
    quote(input.now.toISOString()),
  ];
  return `INSERT INTO users (email, name, role, password_hash, active, created_at) VALUES (${values.join(", ")});`;
}
