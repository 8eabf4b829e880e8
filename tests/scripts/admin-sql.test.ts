import { describe, expect, it } from "vitest";
import { adminInput, adminInsertSql } from "../../scripts/admin/admin-sql";

describe("admin:create", () => {
  it("writes one INSERT with the e-mail lowercased and quotes escaped", () => {
    const sql = adminInsertSql({
      email: " Wang@Example.gov.cn ",
      name: "王 O'Neil'); DROP TABLE users; --",
      passwordHash: "pbkdf2-sha256$100000$salt$hash",
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(sql).toBe(
      "INSERT INTO users (email, name, role, password_hash, active, created_at) VALUES " +
        "('wang@example.gov.cn', '王 O''Neil''); DROP TABLE users; --', 'admin', " +
        "'pbkdf2-sha256$100000$salt$hash', 1, '2026-01-01T00:00:00.000Z');",
    );
  });

  it("refuses a malformed e-mail or an empty name before touching any database", () => {
    const result = adminInput.safeParse({ email: "not-an-email", name: " " });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(["email", "name"]);
  });
});
