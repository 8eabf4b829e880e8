import { hashPassword } from "../../worker/auth/password";
import type { Database } from "../../worker/db/client";
import type { AgencyRow } from "../../worker/db/queries/agencies";
import { insertUser } from "../../worker/db/queries/users";
import type { ReportStatus, UserRole } from "../../worker/db/schema";

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

export interface DemoUser extends DemoCredential {
  id: number;
  name: string;
}

/** Where the demo users work: the reviewer over 示范省, the submitter at one of its agencies. */
export interface DemoPlaces {
  province: AgencyRow;
  submitterAgency: AgencyRow;
}

/**
 * The province of 示范省, and the agency whose submitter has something to do: the first
 * department there (in the generators' order) whose report for the open year was returned.
 */
export function demoPlaces(
  agencies: Map<string, AgencyRow>,
  reports: { agencyKey: string; document: { year: number }; status: ReportStatus }[],
  openYear: number,
): DemoPlaces {
  const all = [...agencies.values()];
  const province = all.find((a) => a.regionCode === "990000" && a.kind === "government")!;
  const inProvince = (a: AgencyRow) => a.path.startsWith(province.path) && a.kind === "department";
  const returned = reports.find(
    (r) =>
      r.document.year === openYear &&
      r.status === "returned" &&
      inProvince(agencies.get(r.agencyKey)!),
  );
  return {
    province,
    submitterAgency: returned ? agencies.get(returned.agencyKey)! : all.find(inProvince)!,
  };
}

/**
 * One user of each role for the local demo, with passwords printed by `npm start`. These
 * exist only in a local database the seed built; production gets its first admin from
 * `npm run admin:create` and has no default password.
 */
export async function seedDemoUsers(
  db: Database,
  places: DemoPlaces,
  now: Date,
): Promise<DemoUser[]> {
  const users: (Omit<DemoUser, "id"> & {
    agencyId: number | null;
    regionAgencyId: number | null;
  })[] = [
    { role: "admin", ...DEMO_LOGINS.admin, scope: "全部", agencyId: null, regionAgencyId: null },
    {
      role: "reviewer",
      ...DEMO_LOGINS.reviewer,
      scope: places.province.name,
      agencyId: null,
      regionAgencyId: places.province.id,
    },
    {
      role: "submitter",
      ...DEMO_LOGINS.submitter,
      scope: places.submitterAgency.name,
      agencyId: places.submitterAgency.id,
      regionAgencyId: null,
    },
  ];
  const created: DemoUser[] = [];
  for (const user of users) {
    const row = await insertUser(
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
    const { role, email, password, name, scope } = user;
    created.push({ id: row.id, role, email, password, name, scope });
  }
  return created;
}
