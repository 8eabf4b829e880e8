import { describe, expect, it } from "vitest";
import {
  admin,
  createAgency,
  createUser,
  login,
  PASSWORD,
  requestJson,
  saveDocument,
  type Session,
} from "./api";
import { validDocument } from "./builders";

type Settings = { email: string; kinds: { kind: string; email: boolean }[] };

const settings = (as: Session) =>
  requestJson<Settings>("/api/notifications/email-settings", { as });

const change = (as: Session, json: unknown) =>
  requestJson<Settings>("/api/notifications/email-settings", { method: "PUT", as, json });

async function person(
  role: "admin" | "submitter" | "reviewer",
  places: { agencyId?: number; regionAgencyId?: number } = {},
) {
  const user = await createUser(role, places);
  return { ...user, session: await login(user.email, PASSWORD, user.id) };
}

async function regionWithAgency() {
  const region = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "820100",
  });
  const agency = await createAgency({ parent_id: region.id, region_code: "820100" });
  return { region, agency };
}

const allOn = (kinds: string[]) => kinds.map((kind) => ({ kind, email: true }));

describe("e-mail settings per kind", () => {
  it("list, for each role, the kinds it can receive, every one e-mailed until turned off", async () => {
    const { region, agency } = await regionWithAgency();
    const submitter = await person("submitter", { agencyId: agency.id });
    const reviewer = await person("reviewer", { regionAgencyId: region.id });
    const administrator = await person("admin");

    expect((await settings(submitter.session)).body).toEqual({
      email: submitter.email,
      kinds: allOn([
        "report_returned",
        "report_approved",
        "deadline_reminder",
        "overdue_reminder",
        "chase",
      ]),
    });
    expect((await settings(reviewer.session)).body).toEqual({
      email: reviewer.email,
      kinds: allOn(["report_submitted", "correction_submitted", "review_digest"]),
    });
    expect((await settings(administrator.session)).body).toEqual({
      email: administrator.email,
      kinds: allOn(["review_digest"]),
    });
  });

  it("turn kinds off and on again, leaving the kinds not named as they were", async () => {
    const { agency } = await regionWithAgency();
    const submitter = await person("submitter", { agencyId: agency.id });
    const off = await change(submitter.session, {
      kinds: { chase: false, report_returned: false },
    });
    expect(off.status).toBe(200);
    const expectedOff = [
      { kind: "report_returned", email: false },
      { kind: "report_approved", email: true },
      { kind: "deadline_reminder", email: true },
      { kind: "overdue_reminder", email: true },
      { kind: "chase", email: false },
    ];
    expect(off.body.kinds).toEqual(expectedOff);
    expect((await settings(submitter.session)).body.kinds).toEqual(expectedOff);
    // Turning a kind off twice is the same as once.
    expect((await change(submitter.session, { kinds: { chase: false } })).body.kinds).toEqual(
      expectedOff,
    );

    const on = await change(submitter.session, { kinds: { chase: true } });
    expect(on.body.kinds.filter((k) => !k.email).map((k) => k.kind)).toEqual(["report_returned"]);
    expect((await change(submitter.session, { kinds: {} })).body).toEqual(on.body);
  });

  it("are each person's own: one's choice does not touch another's", async () => {
    const { region } = await regionWithAgency();
    const one = await person("reviewer", { regionAgencyId: region.id });
    const other = await person("reviewer", { regionAgencyId: region.id });
    await change(one.session, { kinds: { review_digest: false } });
    expect((await settings(other.session)).body.kinds.every((k) => k.email)).toBe(true);
  });

  it("stop the e-mail of a kind turned off, never the in-app notification", async () => {
    const { region, agency } = await regionWithAgency();
    const submitter = await person("submitter", { agencyId: agency.id });
    const quiet = await person("reviewer", { regionAgencyId: region.id });
    const loud = await person("reviewer", { regionAgencyId: region.id });
    await change(quiet.session, { kinds: { report_submitted: false } });

    await saveDocument(agency.id, validDocument(), 0, { as: submitter.session });
    const submitted = await requestJson(`/api/agencies/${agency.id}/reports/2022/submit`, {
      method: "POST",
      as: submitter.session,
      json: { revision: 1 },
    });
    expect(submitted.status).toBe(200);

    for (const reviewer of [quiet, loud]) {
      const inbox = await requestJson("/api/notifications", { as: reviewer.session });
      expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(["report_submitted"]);
    }
    const mail = await requestJson<{ items: { to: string; kind: string }[] }>(
      "/api/outbox?limit=100",
      { as: await admin() },
    );
    const to = mail.body.items.filter((m) => m.kind === "report_submitted").map((m) => m.to);
    expect(to).toContain(loud.email);
    expect(to).not.toContain(quiet.email);
  });

  it("refuse an unknown kind, a kind the role cannot receive, and anything but booleans, naming the field and changing nothing", async () => {
    const { agency } = await regionWithAgency();
    const submitter = await person("submitter", { agencyId: agency.id });
    const administrator = await person("admin");
    const refusals: [Session, unknown, string][] = [
      [submitter.session, { kinds: { nonsense: false } }, "kinds.nonsense"],
      [
        submitter.session,
        { kinds: { chase: false, report_submitted: false } },
        "kinds.report_submitted",
      ],
      [administrator.session, { kinds: { chase: false } }, "kinds.chase"],
      [submitter.session, { kinds: { chase: "off" } }, "kinds.chase"],
      [submitter.session, { kinds: { chase: false }, email: "x@example.cn" }, "email"],
      [submitter.session, {}, "kinds"],
    ];
    for (const [as, json, field] of refusals) {
      const refused = await change(as, json);
      expect(refused.status, JSON.stringify(json)).toBe(400);
      const body = refused.body as unknown as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toEqual([field]);
    }
    expect((await settings(submitter.session)).body.kinds.every((k) => k.email)).toBe(true);
    expect((await settings(administrator.session)).body.kinds.every((k) => k.email)).toBe(true);
  });
});
