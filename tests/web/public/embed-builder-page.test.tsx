import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EmbedBuilderPage } from "../../../web/pages/embed-builder-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { anAgencyDetail, anAgencyList } from "./builders";

const ORIGIN = "https://nianbao.example";

beforeEach(() => {
  stubFetch({
    "GET /api/public/agencies/7": json(anAgencyDetail()),
    "GET /api/agencies": json(anAgencyList()),
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "clipboard");
  window.history.replaceState(null, "", "/");
});

const open = (search: string) => {
  window.history.replaceState(null, "", `/dashboard/embed${search}`);
  renderWithSession(<EmbedBuilderPage origin={ORIGIN} />, aUser());
};

const frame = () => document.querySelector("iframe")!;
const snippet = () => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "HTML 代码" }).value;

describe("EmbedBuilderPage", () => {
  it("previews the chart the URL describes and builds the snippet around the same address", async () => {
    open("?agency=7&metric=section3.new_received.total&kind=bars");

    const src = `${ORIGIN}/embed/agency/7?metric=section3.new_received.total&kind=bars&theme=auto&lang=zh`;
    expect(frame().getAttribute("src")).toBe(src);
    await waitFor(() => expect(frame().title).toMatch(/^示例市人民政府办公室 · /));
    expect(snippet()).toContain(`src="${src.replaceAll("&", "&amp;")}"`);
    expect(snippet()).toContain(`<script async src="${ORIGIN}/embed/loader.js"></script>`);
    expect(snippet()).toContain(`title="${frame().title}"`);
  });

  it("writes every choice to the URL and follows it in the preview", async () => {
    open("?agency=7");

    fireEvent.change(screen.getByLabelText("图表类型"), { target: { value: "card" } });
    fireEvent.change(screen.getByLabelText("配色"), { target: { value: "dark" } });
    fireEvent.change(screen.getByLabelText("语言"), { target: { value: "en" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "透明背景" }));
    fireEvent.change(screen.getByLabelText("数据项"), {
      target: { value: "indicator.disclosure_rate" },
    });
    fireEvent.change(screen.getByLabelText("年份"), { target: { value: "2019-2024" } });

    await waitFor(() => expect(window.location.search).toContain("years=2019-2024"));
    const params = new URLSearchParams(window.location.search);
    expect(Object.fromEntries(params)).toEqual({
      agency: "7",
      kind: "card",
      theme: "dark",
      lang: "en",
      transparent: "true",
      metric: "indicator.disclosure_rate",
      years: "2019-2024",
    });
    const src = new URL(frame().getAttribute("src")!);
    expect(src.pathname).toBe("/embed/agency/7");
    expect(Object.fromEntries(src.searchParams)).toEqual({
      metric: "indicator.disclosure_rate",
      kind: "card",
      theme: "dark",
      lang: "en",
      years: "2019-2024",
      transparent: "true",
    });
    expect(frame().getAttribute("height")).toBe("220");
  });

  it("embeds a region by its code prefix, with the sum it is asked for", async () => {
    open("?agency=7");

    fireEvent.click(screen.getByRole("radio", { name: "地区" }));
    fireEvent.change(screen.getByLabelText("行政区划代码"), { target: { value: "41" } });
    fireEvent.change(screen.getByLabelText("汇总口径"), { target: { value: "region" } });

    await waitFor(() =>
      expect(frame()?.getAttribute("src")).toBe(
        `${ORIGIN}/embed/region/41?metric=metrics.website_visits&kind=trend&theme=auto&lang=zh&scope=region`,
      ),
    );
    expect(new URLSearchParams(window.location.search).get("subject")).toBe("region");
    expect(frame().title).toBe("行政区划 41 · 网站访问量");
  });

  it("sizes the preview to the height the embed reports, from its own frame only", async () => {
    open("?agency=7&kind=bars");
    const size = (source: Window | null, origin = ORIGIN) =>
      act(() => {
        window.dispatchEvent(
          new MessageEvent("message", {
            data: { type: "nianbao:embed-size", height: 512.4 },
            origin,
            source,
          }),
        );
      });

    size(window);
    size(frame().contentWindow, "https://elsewhere.example");
    expect(frame().getAttribute("height")).toBe("360");
    size(frame().contentWindow);
    expect(frame().getAttribute("height")).toBe("513");
  });

  it("shows no preview and says what is missing until the choice is complete", async () => {
    open("?subject=region&region=4&years=2024-2019");

    expect(document.querySelector("iframe")).toBeNull();
    expect(screen.queryByRole("textbox", { name: "HTML 代码" })).toBeNull();
    screen.getByText(/地区代码须为 2–6 位数字。.*年份格式如/);
  });

  it("copies the snippet to the clipboard", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    open("?agency=7");
    await waitFor(() => expect(snippet()).toContain("示例市人民政府办公室"));

    fireEvent.click(screen.getByRole("button", { name: "复制代码" }));

    await screen.findByText("已复制。");
    expect(writeText).toHaveBeenCalledWith(snippet());
  });

  it("asks the reader to copy by hand when the clipboard is out of reach", async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    open("?agency=7");

    fireEvent.click(screen.getByRole("button", { name: "复制代码" }));

    await screen.findByText(/无法自动复制/);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "HTML 代码" }));
  });
});
