import { describe, expect, it } from "vitest";
import {
  embedProblems,
  embedSrc,
  embedTitle,
  readEmbedChoice,
  type EmbedChoice,
} from "../../../web/lib/embed-url";

const choice = (overrides: Partial<EmbedChoice> = {}): EmbedChoice => ({
  ...readEmbedChoice(new URLSearchParams("agency=7")),
  ...overrides,
});

describe("readEmbedChoice", () => {
  it("falls back to the embed's own defaults for anything missing or unknown", () => {
    expect(readEmbedChoice(new URLSearchParams("agency=x&kind=pie&theme=neon&lang=fr"))).toEqual({
      subject: "agency",
      agency: null,
      region: "",
      metric: "metrics.website_visits",
      kind: "trend",
      theme: "auto",
      transparent: false,
      lang: "zh",
      years: "",
      scope: "self",
    });
  });
});

describe("embedSrc", () => {
  it("leaves out what the embed assumes anyway", () => {
    expect(embedSrc("https://n.example/", choice())).toBe(
      "https://n.example/embed/agency/7?metric=metrics.website_visits&kind=trend&theme=auto&lang=zh",
    );
  });

  it("keeps the scope for regions only", () => {
    expect(embedSrc("https://n.example", choice({ scope: "region" }))).not.toContain("scope");
    expect(
      embedSrc("https://n.example", choice({ subject: "region", region: "4103", scope: "region" })),
    ).toBe(
      "https://n.example/embed/region/4103?metric=metrics.website_visits&kind=trend&theme=auto&lang=zh&scope=region",
    );
  });

  it("makes no address while the choice is incomplete or malformed", () => {
    expect(embedProblems(choice({ agency: null }))).toEqual(["chooseAgency"]);
    expect(embedProblems(choice({ subject: "region", region: "4" }))).toEqual(["badRegion"]);
    expect(embedProblems(choice({ years: "2024-2019" }))).toEqual(["badYears"]);
    expect(embedProblems(choice({ years: "2019-2024,2026" }))).toEqual([]);
    expect(embedSrc("https://n.example", choice({ years: "19-24" }))).toBeNull();
  });
});

describe("embedTitle", () => {
  const label = (key: string, lang: string) => `${key}@${lang}`;

  it("names the subject and the figure in the embed's language", () => {
    expect(embedTitle(choice(), "示例市人民政府办公室", label)).toBe(
      "示例市人民政府办公室 · metrics.website_visits@zh",
    );
    expect(embedTitle(choice({ subject: "region", region: "41", lang: "en" }), null, label)).toBe(
      "Region 41 · metrics.website_visits@en",
    );
    expect(embedTitle(choice({ kind: "outcome_mix" }), null, label)).toBe(
      "机构 7 · 申请办理结果构成",
    );
  });
});
