import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EmbedBuilderPage } from "../../../web/pages/embed-builder-page";
import { apiError, aUser, json, renderWithSession, stubFetch } from "../builders";
import { aPublicAgency, anAgencyDetail, anAgencyList } from "./builders";

const ORIGIN = "https://nianbao.example";

const GOVERNMENTS = [
  aPublicAgency({ id: 1, name: "河南省人民政府", level: "province", region_code: "410000" }),
  aPublicAgency({ id: 2, name: "洛阳市人民政府", level: "city", region_code: "410300" }),
  // A township shares its county's code, so it cannot be embedded as a region of its own.
  aPublicAgency({ id: 3, name: "城关镇人民政府", level: "township", region_code: "410300" }),
];

const embedPage = () =>
  new Response("<!doctype html><title>chart</title>", {
    status: 200,
    headers: { "content-type": "text/html" },
  });

const routes = {
  "GET /api/public/agencies/7": json(anAgencyDetail()),
  "GET /api/agencies": json(anAgencyList()),
  "GET /api/public/agencies": json(anAgencyList(GOVERNMENTS)),
  "GET /embed/agency/7": embedPage,
  "GET /embed/region/410300": embedPage,
};

beforeEach(() => {
  stubFetch(routes);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "clipboard");
  window.history.replaceState(null, "", "/");
});

const open = (search: string) => {
  window.history.replaceState(null, "", `/dashboard/embed${search}`);
  renderWithSession(<EmbedBuilderPage origin={ORIGIN} />, aUser());
};

const regionSelect = () =>
  screen.getByRole("combobox", { name: "地区" }) as unknown as HTMLSelectElement;
const preview = () => document.querySelector<HTMLIFrameElement>(".embed-preview iframe")!;
const measuring = () => [...document.querySelectorAll<HTMLIFrameElement>(".embed-measure iframe")];
const snippet = () => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "HTML 代码" }).value;
const snippetFrame = () =>
  new DOMParser().parseFromString(snippet(), "text/html").querySelector("iframe")!;

/** A size message as the embed's resize script posts it. */
const report = (source: Window | null, height: number, origin = ORIGIN) =>
  act(() => {
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { type: "nianbao:embed-size", height },
        origin,
        source,
      }),
    );
  });

/** Every measuring frame reports; `heights` by frame width. */
async function measure(heights: Record<number, number>) {
  await waitFor(() => expect(measuring().length).toBeGreaterThan(0));
  for (const frame of measuring())
    report(frame.contentWindow, heights[Number(frame.getAttribute("width"))] ?? 300);
}

describe("EmbedBuilderPage", () => {
  it("opened with nothing chosen, asks for an agency without marking the untouched field as wrong", () => {
    open("");
    expect(screen.getByRole("status").textContent).toBe("请选择机构。");
    const picker = screen.getByRole("combobox", { name: "机构" });
    expect(picker.getAttribute("aria-invalid")).toBeNull();
    expect(document.querySelector(".agency-picker .field-error")).toBeNull();
  });

  it("previews the chart the URL describes and builds the snippet around the same address", async () => {
    open("?agency=7&metric=section3.new_received.total&kind=bars");

    const src = `${ORIGIN}/embed/agency/7?metric=section3.new_received.total&kind=bars&theme=auto&lang=zh`;
    expect(preview().getAttribute("src")).toBe(src);
    await waitFor(() => expect(preview().title).toMatch(/^示例市人民政府办公室 · /));
    await waitFor(() => expect(snippet()).toContain(`src="${src.replaceAll("&", "&amp;")}"`));
    expect(snippet()).toContain(`<script async src="${ORIGIN}/embed/loader.js"></script>`);
    expect(snippet()).toContain(`title="${preview().title}"`);
  });

  it("measures the embed at each width up to the chosen one and writes the tallest into the snippet", async () => {
    open("?agency=7&kind=bars");
    await waitFor(() => expect(measuring()).toHaveLength(4));
    expect(measuring().map((f) => f.getAttribute("width"))).toEqual(["320", "479", "480", "640"]);
    for (const frame of measuring()) {
      expect(frame.getAttribute("src")).toBe(preview().getAttribute("src"));
      expect(frame.getAttribute("loading")).toBeNull();
    }
    expect(await screen.findByRole("button", { name: "复制代码" })).toHaveProperty(
      "disabled",
      true,
    );
    screen.getByText("正在测量图表高度……");

    // Reports from elsewhere, or from the preview, measure nothing.
    report(measuring()[0]!.contentWindow, 999, "https://elsewhere.example");
    report(preview().contentWindow, 999);
    await measure({ 320: 500, 479: 612.3, 480: 400, 640: 450 });

    await waitFor(() => expect(snippetFrame().getAttribute("height")).toBe("617"));
    expect(snippetFrame().getAttribute("style")).toBe("width:100%;max-width:640px;border:0");
    screen.getByText(/代码中的高度为 617 像素：宽 320 至 640 像素时/);
    expect(screen.getByRole("button", { name: "复制代码" })).toHaveProperty("disabled", false);
  });

  it("measures again when the options change, at the new width", async () => {
    open("?agency=7&kind=bars");
    await measure({ 320: 500 });
    await waitFor(() => expect(snippetFrame().getAttribute("height")).toBe("504"));

    fireEvent.change(screen.getByLabelText("图表类型"), { target: { value: "card" } });
    fireEvent.change(screen.getByLabelText("最大宽度"), { target: { value: "400" } });

    // Both changes may land in one render or two: wait for the state after the second.
    await waitFor(() => {
      expect(measuring().map((f) => f.getAttribute("width"))).toEqual(["320", "400"]);
      expect(measuring()[0]!.getAttribute("src")).toContain("kind=card");
      screen.getByText("正在测量图表高度……");
      // Until measured, the snippet holds an estimate, and copying waits.
      expect(snippetFrame().getAttribute("height")).toBe("220");
      expect(screen.getByRole("button", { name: "复制代码" })).toHaveProperty("disabled", true);
    });
    await measure({ 320: 210, 400: 190 });
    await waitFor(() => expect(snippetFrame().getAttribute("height")).toBe("214"));
    expect(snippetFrame().getAttribute("style")).toBe("width:100%;max-width:400px;border:0");
    expect(new URLSearchParams(window.location.search).get("width")).toBe("400");
  });

  it("falls back to an estimate, and says so, when the embed never reports", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    open("?agency=7&kind=trend");
    await waitFor(() => expect(measuring()).toHaveLength(4));
    act(() => void vi.advanceTimersByTime(16_000));
    await screen.findByText(/未能测量图表高度/);
    expect(snippetFrame().getAttribute("height")).toBe("360");
    expect(screen.getByRole("button", { name: "复制代码" })).toHaveProperty("disabled", false);
  });

  // Seven changes, each re-rendering the page: slow under a loaded test run.
  it(
    "writes every choice to the URL and follows it in the preview",
    { timeout: 15_000 },
    async () => {
      open("?agency=7");

      fireEvent.change(screen.getByLabelText("图表类型"), { target: { value: "card" } });
      fireEvent.change(screen.getByLabelText("配色"), { target: { value: "dark" } });
      fireEvent.change(screen.getByLabelText("语言"), { target: { value: "en" } });
      fireEvent.click(screen.getByRole("checkbox", { name: "透明背景" }));
      fireEvent.change(screen.getByLabelText("数据项"), {
        target: { value: "indicator.disclosure_rate" },
      });
      fireEvent.change(screen.getByLabelText("年份"), { target: { value: "2019-2024" } });
      fireEvent.change(screen.getByLabelText("最大宽度"), { target: { value: "800" } });

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
        width: "800",
      });
      const src = new URL(preview().getAttribute("src")!);
      expect(src.pathname).toBe("/embed/agency/7");
      expect(Object.fromEntries(src.searchParams)).toEqual({
        metric: "indicator.disclosure_rate",
        kind: "card",
        theme: "dark",
        lang: "en",
        years: "2019-2024",
        transparent: "true",
      });
      expect(preview().getAttribute("height")).toBe("220");
      expect(preview().style.maxWidth).toBe("800px");
    },
  );

  it("chooses a region by its government's name, never by a typed code", async () => {
    open("?agency=7");

    fireEvent.click(screen.getByRole("radio", { name: "地区" }));
    expect(screen.queryByLabelText("行政区划代码")).toBeNull();
    const regions = regionSelect();
    await waitFor(() =>
      expect([...regions.options].map((o) => o.textContent)).toEqual([
        "请选择",
        "河南省人民政府",
        "洛阳市人民政府",
      ]),
    );
    screen.getByText("请选择地区。");
    fireEvent.change(regions, { target: { value: "410300" } });
    fireEvent.change(screen.getByLabelText("汇总口径"), { target: { value: "region" } });

    await waitFor(() =>
      expect(preview()?.getAttribute("src")).toBe(
        `${ORIGIN}/embed/region/410300?metric=metrics.website_visits&kind=trend&theme=auto&lang=zh&scope=region`,
      ),
    );
    expect(new URLSearchParams(window.location.search).get("subject")).toBe("region");
    expect(preview().title).toBe("洛阳市人民政府 · 网站访问量");
    await waitFor(() => expect(snippetFrame().title).toBe("洛阳市人民政府 · 网站访问量"));
    // The code is in the address the snippet holds, and nowhere a reader reads.
    const page = document.querySelector("main")!.cloneNode(true) as HTMLElement;
    page.querySelector("textarea")!.remove();
    expect(page.textContent).not.toContain("4103");
  });

  it("names a region kept in the URL by its government", async () => {
    open("?subject=region&region=410300");

    const regions = regionSelect();
    await waitFor(() => expect(regions.selectedOptions[0]?.textContent).toBe("洛阳市人民政府"));
    await waitFor(() => expect(preview().title).toBe("洛阳市人民政府 · 网站访问量"));
  });

  it("titles the frame by the figure alone while the name is unknown, never by a number", async () => {
    stubFetch({
      ...routes,
      "GET /api/public/agencies/7": apiError(503, "unavailable", "暂不可用"),
    });
    open("?agency=7");

    expect(preview().title).toBe("网站访问量");
    expect(preview().title).not.toMatch(/\d/);
  });

  it("sizes the preview to the height the embed reports, from its own frame only", async () => {
    open("?agency=7&kind=bars");

    report(window, 512.4);
    report(preview().contentWindow, 512.4, "https://elsewhere.example");
    expect(preview().getAttribute("height")).toBe("360");
    report(preview().contentWindow, 512.4);
    expect(preview().getAttribute("height")).toBe("513");
  });

  it("says in words why the embed cannot be shown, and offers no code for it", async () => {
    stubFetch({
      ...routes,
      "GET /embed/agency/7": json(
        {
          error: {
            code: "validation_failed",
            message: "提交的数据有 1 处错误：years",
            message_en: "The request has 1 invalid field(s): years",
            issues: [
              {
                path: "years",
                code: "custom",
                message: "years：无效（年份须在 2008–2027 之间：2030）",
                message_en: "years: invalid (years lie in 2008–2027: 2030)",
              },
            ],
          },
        },
        400,
      ),
    });
    open("?agency=7&years=2030");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("这个图表无法显示：年份：无效（年份须在 2008–2027 之间：2030）");
    expect(screen.queryByRole("textbox", { name: "HTML 代码" })).toBeNull();
    expect(measuring()).toHaveLength(0);
    expect(document.body.textContent).not.toMatch(/validation_failed|years：|\{"error"/);
  });

  it("passes on the embed's own message when it names no parameter", async () => {
    stubFetch({
      ...routes,
      "GET /embed/agency/7": json(
        { error: { code: "not_found", message: "机构不存在", message_en: "Agency not found" } },
        404,
      ),
    });
    open("?agency=7");

    expect((await screen.findByRole("alert")).textContent).toBe("这个图表无法显示：机构不存在");
  });

  it("shows no preview and says what is missing until the choice is complete", async () => {
    open("?subject=region&region=4&years=2024-2019");

    expect(document.querySelector("iframe")).toBeNull();
    expect(screen.queryByRole("textbox", { name: "HTML 代码" })).toBeNull();
    screen.getByText(/请选择地区。.*年份格式如/);
  });

  it("copies the snippet to the clipboard, and forgets it did once the code changes", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    open("?agency=7");
    await measure({});
    await waitFor(() => expect(snippet()).toContain("示例市人民政府办公室"));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "复制代码" })).toHaveProperty("disabled", false),
    );

    fireEvent.click(screen.getByRole("button", { name: "复制代码" }));

    await screen.findByText("已复制。");
    expect(writeText).toHaveBeenCalledWith(snippet());

    fireEvent.change(screen.getByLabelText("配色"), { target: { value: "dark" } });
    await waitFor(() => expect(snippet()).toContain("theme=dark"));
    expect(screen.queryByText("已复制。")).toBeNull();
  });

  it("asks the reader to copy by hand when the clipboard is out of reach", async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    open("?agency=7");
    await measure({});
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "复制代码" })).toHaveProperty("disabled", false),
    );

    fireEvent.click(screen.getByRole("button", { name: "复制代码" }));

    await screen.findByText(/无法自动复制/);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "HTML 代码" }));
  });
});
