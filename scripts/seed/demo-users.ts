import { hashPassword } from "../../worker/auth/password";
import type { Database } from "../../worker/db/client";
import type { AgencyRow } from "../../worker/db/queries/agencies";
import { insertUser } from "../../worker/db/queries/users";
import type { UserRole } from "../../worker/db/schema";
import type { ReportStatus } from "../../worker/db/schema";

export interface DemoCredential {
  role: UserRole;
  email: string;
  password: string;
  scope: string;
}

export const DEMO_LOGINS: Record<UserRole, { email: string; password: string; name: string }> = {
  admin: { email: "admin@demo.nianbao.cn", password: "Demo-admin-2026", name: "演示管理员" },
  reviewer: {
    email: "reviewer@demo.nianbao.cn",
    password: "Demo-reviewer-2026",
    name: "演示审核员",
  },
  submitter: {
    email: "submitter@demo.nianbao.cn",
    password: "Demo-submitter-2026",
    name: "演示填报员",
  },
};

/**
 * One user of each role for the local demo, with passwords printed by `npm start`. These
 * exist only in a local database the seed built; production gets its first admin from
 * `npm run admin:create` and has no default password.
 */
export async function seedDemoUsers(
  db: Database,
  agencies: Map<string, AgencyRow>,
  reports: { agencyKey: string; document: { year: number }; status: ReportStatus }[],
  now: Date,
): Promise<DemoCredential[]> {
  const all = [...agencies.values()];
  const province = all.find((a) => a.regionCode === "990000" && a.kind === "government")!;
  const latest = Math.max(...reports.map((r) => r.document.year));
  // A submitter whose latest report was returned has something to do in the demo.
  const returned = reports.find(
    (r) =>
      r.document.year === latest &&
      r.status === "returned" &&
      agencies.get(r.agencyKey)!.regionCode.startsWith("99"),
  );
  const agency =
    agencies.get(returned?.agencyKey ?? "")! ??
    all.find((a) => a.path.startsWith(province.path) && a.kind === "department")!;
  const users: (DemoCredential & {
    agencyId: number | null;
    regionAgencyId: number | null;
    name: string;
  })[] = [
    {
      role: "admin",
      email: "admin@demo.nianbao.cn",
      password: "Demo-admin-2026",
      name: "演示管理员",
      scope: "全部",
      agencyId: null,
      regionAgencyId: null,
    },
    {
      role: "reviewer",
      email: "reviewer@demo.nianbao.cn",
      password: "Demo-reviewer-2026",
      name: "演示审核员",
      scope: province.name,
      agencyId: null,
      regionAgencyId: province.id,
    },
    {
      role: "submitter",
      email: "submitter@demo.nianbao.cn",
      password: "Demo-submitter-2026",
      name: "演示填报员",
      scope: agency.name,
      agencyId: agency.id,
      regionAgencyId: null,
    },
  ];
  for (const user of users) {
    await insertUser(
      db,
      {
        email: user.email,
        name: user.name,
        role: user.role,
        agencyId: user.agencyId,
        regionAgencyId: user.regionAgencyId,
        passwordHash: await hashPassword(user.password),
      },
      now,
    );
  }
  return users.map(({ role, email, password, scope }) => ({ role, email, password, scope }));
}
