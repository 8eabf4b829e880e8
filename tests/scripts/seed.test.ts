import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";

/** 09:30 in Beijing on 5 December 2026: the departments' deadline is 8 December, 3 days away. */
const NOW = "2026-12-05T09:30:00+08:00";
const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" };

type Row = Record<string, string | number | null>;

/** A local D1 in `persist` with the migrations applied, and `wrangler d1 …` against it. */
function localD1(persist: string) {
  const wrangler = (...args: string[]) =>
    execFileSync(
      "node_modules/.bin/wrangler",
      ["d1", ...args, "--local", "--persist-to", persist],
      { encoding: "utf8", env },
    );
  wrangler("migrations", "apply", "DB");
  /** The rows of each statement, in order. */
  const query = <S extends string[]>(...statements: S) =>
    (
      JSON.parse(wrangler("execute", "DB", "--json", "--command", statements.join(";\n"))) as {
        results: Row[];
      }[]
    ).map((r) => r.results) as { [K in keyof S]: Row[] };
  return query;
}

/** `npm start`'s seed as the browser tests run it (`--small`), on a fixed clock. */
const seed = (persist: string, ...extra: string[]) =>
  execFileSync(
    "node_modules/.bin/tsx",
    ["scripts/seed.ts", "--small", "--now", NOW, "--persist-to", persist, ...extra],
    { encoding: "utf8", env },
  );

const NOTIFICATIONS = `
  SELECT u.email, n.kind, n.title, n.body, n.link, n.agency_id, n.year, n.actor_name,
         n.created_at, n.read_at
    FROM notifications AS n JOIN users AS u ON u.id = n.user_id
   ORDER BY n.created_at, u.email, n.title`;

describe("npm run seed: the demo's season in progress", () => {
  let persist: string;
  let query: ReturnType<typeof localD1>;
  let stdout: string;

  beforeAll(() => {
    persist = mkdtempSync(join(tmpdir(), "nianbao-seed-"));
    query = localD1(persist);
    stdout = seed(persist);
  }, 180_000);

  it("opens the latest year a few days before its deadlines, with reports in every state and many missing", () => {
    expect(stdout).toContain("填报季：2024 年度，部门截止 2026-12-08，政府截止 2026-12-15");
    const [[season], states] = query(
      "SELECT year, department_deadline, government_deadline FROM deadlines",
      `SELECT coalesce(r.status, 'missing') AS state, count(*) AS n
         FROM agencies AS a LEFT JOIN reports AS r ON r.agency_id = a.id AND r.year = 2024
        WHERE a.region_code LIKE '99%' GROUP BY state`,
    );
    expect(season).toEqual({
      year: 2024,
      department_deadline: "2026-12-08",
      government_deadline: "2026-12-15",
    });
    const count: Record<string, number> = Object.fromEntries(
      states.map((s) => [s.state, Number(s.n)]),
    );
    for (const state of ["approved", "submitted", "returned", "draft", "missing"]) {
      expect(count[state], state).toBeGreaterThan(0);
    }
    const all = Object.values(count).reduce((a, b) => a + b, 0);
    expect(count.missing! / all).toBeGreaterThan(0.1);
  });

  it("gives each demo user unread notifications, and e-mails each one as sent in the outbox", () => {
    const [notifications, outbox] = query(
      NOTIFICATIONS,
      "SELECT to_address, kind, subject, status FROM email_outbox ORDER BY created_at, to_address, subject",
    );
    for (const { email } of Object.values(DEMO_LOGINS)) {
      const unread = notifications.filter((n) => n.email === email && n.read_at === null);
      expect(unread.length, email).toBeGreaterThan(0);
    }
    expect(notifications.some((n) => n.read_at !== null)).toBe(true);
    expect(outbox).toEqual(
      notifications.map((n) => ({
        to_address: n.email,
        kind: n.kind,
        subject: `【年报】${String(n.title)}`,
        status: "sent",
      })),
    );
  });

  it("tells the submitter of its returned report with the reviewer's message, then reminds it of the deadline", () => {
    const [[agency], mine] = query(
      `SELECT a.id, a.name, a.kind FROM agencies AS a JOIN users AS u ON u.agency_id = a.id
        WHERE u.email = '${DEMO_LOGINS.submitter.email}'`,
      `SELECT n.kind, n.title, n.body FROM notifications AS n JOIN users AS u ON u.id = n.user_id
        WHERE u.email = '${DEMO_LOGINS.submitter.email}' ORDER BY n.created_at`,
    );
    const daysLeft = agency!.kind === "department" ? 3 : 10;
    expect(mine).toEqual([
      {
        kind: "report_returned",
        title: `${agency!.name} 2024 年度报告被退回修改`,
        body: `${DEMO_LOGINS.reviewer.name} 退回了报告：请核对表三数据后重新提交`,
      },
      {
        kind: "deadline_reminder",
        title: `${agency!.name} 2024 年度报告还有 ${daysLeft} 天截止`,
        body: expect.stringContaining(daysLeft === 3 ? "2026-12-08" : "2026-12-15"),
      },
    ]);
  });

  it("tells the reviewer of each submission in its province since its account was opened, and sends it and the admin a digest", () => {
    const [told, submissions, [waiting], [everywhere], digests] = query(
      `SELECT n.agency_id FROM notifications AS n JOIN users AS u ON u.id = n.user_id
        WHERE u.email = '${DEMO_LOGINS.reviewer.email}' AND n.kind = 'report_submitted'
        ORDER BY n.agency_id`,
      `SELECT r.agency_id FROM review_events AS e
         JOIN reports AS r ON r.id = e.report_id
         JOIN agencies AS a ON a.id = r.agency_id
         JOIN users AS u ON u.email = '${DEMO_LOGINS.reviewer.email}'
         JOIN agencies AS province ON province.id = u.region_agency_id
        WHERE e.action = 'submit' AND e.created_at >= u.created_at
          AND substr(a.path, 1, length(province.path)) = province.path
        ORDER BY r.agency_id`,
      `SELECT count(*) AS n FROM reports AS r JOIN agencies AS a ON a.id = r.agency_id
        WHERE r.status = 'submitted' AND a.region_code LIKE '99%'`,
      "SELECT count(*) AS n FROM reports WHERE status = 'submitted'",
      `SELECT u.email, n.title FROM notifications AS n JOIN users AS u ON u.id = n.user_id
        WHERE n.kind = 'review_digest' ORDER BY u.email`,
    );
    expect(told.length).toBeGreaterThan(0);
    expect(told).toEqual(submissions);
    expect(digests).toEqual([
      { email: DEMO_LOGINS.admin.email, title: `有 ${everywhere!.n} 份报告待审核` },
      { email: DEMO_LOGINS.reviewer.email, title: `有 ${waiting!.n} 份报告待审核` },
    ]);
  });

  it("dates nothing after its clock, so a report submitted later is the newest in the queue", () => {
    const [[latest]] = query(
      `SELECT max(at) AS at FROM (
         SELECT max(created_at) AS at FROM review_events
         UNION ALL SELECT max(submitted_at) FROM reports
         UNION ALL SELECT max(created_at) FROM notifications)`,
    );
    expect(Date.parse(latest!.at as string)).toBeLessThanOrEqual(Date.parse(NOW));
  });

  it("loads the same season again on --reset with the same seed and clock", () => {
    // Agencies get new ids on a reset (AUTOINCREMENT): compared by what the notifications say.
    const said = (rows: Row[]) => rows.map(({ agency_id: _id, link: _link, ...rest }) => rest);
    const [before] = query(NOTIFICATIONS);
    seed(persist, "--reset");
    const [after] = query(NOTIFICATIONS);
    expect(said(after)).toEqual(said(before));
  }, 180_000);
});
