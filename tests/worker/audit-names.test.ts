import { describe, expect, it } from "vitest";
import { admin, createAgency, createUser, login, PASSWORD, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

interface Entry {
  action: string;
  actor_kind: string;
  actor_name: string;
  target: string | null;
  target_name: string | null;
}

async function entries(action: string) {
  const log = await requestJson<{ items: Entry[] }>(`/api/audit?action=${action}`, {
    as: await admin(),
  });
  expect(log.status).toBe(200);
  return log.body.items;
}

describe("audit log filter", () => {
  it("takes the action as a plain prefix: an underscore is no wildcard", async () => {
    await requestJson("/api/auth/login", {
      method: "POST",
      json: { email: "nobody-else@example.gov.cn", password: "wrong password 2" },
    });
    const failed = await entries("auth.login_failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.action === "auth.login_failed")).toBe(true);
    expect(await entries("auth.login_x")).toEqual([]);
    expect(await entries("auth%25")).toEqual([]);
  });
});

describe("audit log: what each entry is about, by name", () => {
  it("names the user a sign-in is about", async () => {
    const user = await createUser("reviewer");
    await login(user.email, PASSWORD);
    const entry = (await entries("auth.login")).find((e) => e.target === `user:${user.id}`);
    expect(entry?.target_name).toBe("测试reviewer");
    // Signed in by the user, not by 公众: the request came before any session.
    expect(entry).toMatchObject({ actor_kind: "reviewer", actor_name: "测试reviewer" });
  });

  it("names the agency of a report's save, and the API token created for it", async () => {
    const agency = await createAgency({ region_code: "970500" });
    await saveDocument(agency.id, validDocument(2022));
    const save = (await entries("report.save")).find(
      (e) => e.target === `agency:${agency.id}/year:2022`,
    );
    expect(save?.target_name).toBe(agency.name);

    const token = await requestJson<{ id: number }>("/api/tokens", {
      method: "POST",
      as: await admin(),
      json: { agency_id: agency.id, name: "对接系统甲" },
    });
    const created = (await entries("token.create")).find(
      (e) => e.target === `token:${token.body.id}`,
    );
    expect(created?.target_name).toBe("对接系统甲");
  });

  it("gives no name where the target names no record", async () => {
    const put = await requestJson("/api/deadlines/2022", {
      method: "PUT",
      as: await admin(),
      json: { department_deadline: "2023-01-31", government_deadline: "2023-03-31" },
    });
    expect(put.status).toBe(200);
    const [entry] = await entries("deadline.update");
    expect(entry).toMatchObject({ target: "year:2022", target_name: null });

    const refused = await requestJson("/api/auth/login", {
      method: "POST",
      json: { email: "nobody@example.gov.cn", password: "wrong password 1" },
    });
    expect(refused.status).toBe(401);
    const failed = (await entries("auth.login_failed")).find(
      (e) => e.target === "user:nobody@example.gov.cn",
    );
    expect(failed?.target_name).toBeNull();
  });
});
