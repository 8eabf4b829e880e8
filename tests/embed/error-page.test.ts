import { describe, expect, it } from "vitest";
import { renderEmbedError } from "../../worker/embed/error-page";
import { failureReasons, type EmbedFailure } from "../../worker/embed/failure";
import { EMBED_CSS } from "../../worker/embed/page";
import { parsePage } from "./svg-dom";

/** A 400 as the routes give it (`validationFailed`, messages from `describeIssues`). */
const invalid: EmbedFailure = {
  message: "提交的数据有 3 处错误：kind，years，foo",
  message_en: "The request has 3 invalid field(s): kind, years, foo",
  issues: [
    {
      path: "kind",
      code: "invalid_value",
      message: "kind：应为以下之一：card / bars / trend / outcome_mix",
      message_en: "kind: must be one of: card / bars / trend / outcome_mix",
    },
    {
      path: "years",
      code: "custom",
      message: "years：无效（年份须在 2008–2027 之间：2030）",
      message_en: "years: invalid (years lie in 2008–2027: 2030)",
    },
    {
      path: "foo",
      code: "unrecognized_keys",
      message: "foo：未知字段",
      message_en: "foo: unknown",
    },
  ],
};

describe("failureReasons", () => {
  it("names each bad parameter in words, not by its key in the address", () => {
    expect(failureReasons(invalid, "zh")).toEqual([
      "图表类型：应为以下之一：card / bars / trend / outcome_mix",
      "年份：无效（年份须在 2008–2027 之间：2030）",
      "地址中有无法识别的参数“foo”",
    ]);
    expect(failureReasons(invalid, "en")[0]).toBe(
      "Chart type: must be one of: card / bars / trend / outcome_mix",
    );
  });

  it("gives the error's own message when it names no parameter", () => {
    const missing = { message: "机构不存在", message_en: "Agency not found" };
    expect(failureReasons(missing, "zh")).toEqual(["机构不存在"]);
    expect(failureReasons(missing, "en")).toEqual(["Agency not found"]);
  });
});

describe("the embed error page", () => {
  it("says why in the embed's language and theme, with the embed's one stylesheet", () => {
    const html = renderEmbedError({ lang: "zh", theme: "dark", failure: invalid });
    const doc = parsePage(html);
    expect(doc.documentElement.lang).toBe("zh-CN");
    expect(doc.documentElement.className).toBe("theme-dark");
    expect(doc.querySelector("h1")?.textContent).toBe("无法显示此图表");
    expect([...doc.querySelectorAll("li")].map((li) => li.textContent)).toEqual(
      failureReasons(invalid, "zh"),
    );
    expect(doc.querySelector("[role=alert]")).not.toBeNull();
    expect(html).toContain(`<style>${EMBED_CSS}</style>`);
    expect(html).not.toMatch(/\sstyle=/);
    expect(doc.body.textContent).not.toMatch(/validation_failed|unrecognized_keys|invalid_value/);
  });

  it("loads only the resize script, so a loader fits the frame to the message", () => {
    expect(renderEmbedError({ lang: "en", theme: "auto", failure: invalid })).not.toContain(
      "<script",
    );
    const doc = parsePage(
      renderEmbedError(
        { lang: "en", theme: "auto", failure: invalid },
        { resizeScriptUrl: "/embed/resize.js" },
      ),
    );
    expect([...doc.querySelectorAll("script")].map((s) => s.getAttribute("src"))).toEqual([
      "/embed/resize.js",
    ]);
    expect(doc.querySelector("#nb h1")?.textContent).toBe("This chart cannot be shown");
  });

  it("escapes what the request put in the message", () => {
    const failure = { message: `<img src=x onerror=alert(1)>`, message_en: "x" };
    const doc = parsePage(renderEmbedError({ lang: "zh", theme: "auto", failure }));
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.querySelector("li")?.textContent).toBe(`<img src=x onerror=alert(1)>`);
  });
});
