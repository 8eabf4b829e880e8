import { describe, expect, it } from "vitest";
import {
  embedProblems,
  embedSrc,
  embedTitle,
  measureWidths,
  readEmbedChoice,
  snippetHeight,
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
      width: 640,
    });
  });

  it("keeps the frame's width within what can be measured", () => {
    const width = (w: string) => readEmbedChoice(new URLSearchParams(`width=${w}`)).width;
    expect(width("800")).toBe(800);
    expect(width("100")).toBe(320);
    expect(width("5000")).toBe(1200);
    expect(width("12.5")).toBe(640);
  });
});

describe("measureWidths", () => {
  it("measures at the narrowest frame, each side of the compact breakpoint and the widest", () => {
    expect(measureWidths(640)).toEqual([320, 479, 480, 640]);
    expect(measureWidths(480)).toEqual([320, 479, 480]);
    expect(measureWidths(400)).toEqual([320, 400]);
    expect(measureWidths(320)).toEqual([320]);
  });
});

describe("snippetHeight", () => {
  it("is the tallest measured height, rounded up with a little to spare, once all are in", () => {
    expect(snippetHeight([401, 417.2, 388])).toBe(418 + 4);
    expect(snippetHeight([401, undefined])).toBeNull();
    expect(snippetHeight([])).toBeNull();
    expect(snippetHeight([0])).toBeNull();
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
    expect(embedProblems(choice({ subject: "region", region: "" }))).toEqual(["chooseRegion"]);
    expect(embedProblems(choice({ subject: "region", region: "4" }))).toEqual(["chooseRegion"]);
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
    expect(
      embedTitle(
        choice({ subject: "region", region: "410000", lang: "en" }),
        "河南省人民政府",
        label,
      ),
    ).toBe("河南省人民政府 · metrics.website_visits@en");
    expect(embedTitle(choice({ kind: "outcome_mix" }), "示例市人民政府办公室", label)).toBe(
      "示例市人民政府办公室 · 申请办理结果构成",
    );
  });

  it("names only the figure while the name is unknown, never a number or a code", () => {
    expect(embedTitle(choice(), null, label)).toBe("metrics.website_visits@zh");
    expect(
      embedTitle(choice({ subject: "region", region: "41", kind: "outcome_mix" }), null, label),
    ).toBe("申请办理结果构成");
  });
});
