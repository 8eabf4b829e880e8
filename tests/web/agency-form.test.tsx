import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AgencyForm, type EditableAgency } from "../../web/components/agency-form";
import { aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const aTownship = (overrides: Partial<EditableAgency> = {}): EditableAgency => ({
  id: 42,
  name: "某某镇人民政府",
  level: "township",
  kind: "government",
  scope: "self",
  parent_id: 7,
  region_code: "990102",
  ...overrides,
});

const scopeSelect = () => screen.getByLabelText("报告范围") as unknown as HTMLSelectElement;

describe("AgencyForm", () => {
  it("changes an agency's scope and sends only what the form edits", async () => {
    const township = aTownship();
    const fetch = stubFetch({
      "GET /api/agencies/7": json({ id: 7, name: "某某县人民政府" }),
      "PATCH /api/agencies/42": (init) => json({ ...township, ...JSON.parse(String(init.body)) }),
    });
    const onSaved = vi.fn();
    renderWithSession(
      <AgencyForm agency={township} onSaved={onSaved} onCancel={() => {}} />,
      aUser({ role: "admin" }),
    );

    const options = [...scopeSelect().options].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ["region", "全地区"],
      ["self", "本机关"],
    ]);
    expect(scopeSelect().value).toBe("self");
    expect(screen.getByText(/政府（含乡镇、街道）的年报通常为全地区/)).toBeTruthy();

    fireEvent.change(scopeSelect(), { target: { value: "region" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());

    const patch = fetch.mock.calls.find(([, init]) => init?.method === "PATCH")!;
    const body = JSON.parse(String(patch[1]!.body));
    expect(body).toMatchObject({ scope: "region", kind: "government", level: "township" });
    expect(body).not.toHaveProperty("parent_id");
  });

  it("keeps an existing agency's scope when its kind is changed", () => {
    stubFetch({ "GET /api/agencies/7": json({ id: 7, name: "某某县人民政府" }) });
    renderWithSession(
      <AgencyForm agency={aTownship()} onSaved={() => {}} onCancel={() => {}} />,
      aUser({ role: "admin" }),
    );
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "department" } });
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "government" } });
    expect(scopeSelect().value).toBe("self");
  });

  it("gives a new government the whole region and a new department itself, until a scope is chosen", () => {
    stubFetch({});
    renderWithSession(
      <AgencyForm onSaved={() => {}} onCancel={() => {}} />,
      aUser({ role: "admin" }),
    );
    expect(scopeSelect().value).toBe("self");
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "government" } });
    expect(scopeSelect().value).toBe("region");
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "department" } });
    expect(scopeSelect().value).toBe("self");

    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "government" } });
    fireEvent.change(scopeSelect(), { target: { value: "self" } });
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "department" } });
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "government" } });
    expect(scopeSelect().value).toBe("self");
  });
});
