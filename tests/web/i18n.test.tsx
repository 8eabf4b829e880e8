import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { en } from "../../web/messages/en";
import { zhCN, type MessageKey } from "../../web/messages/zh-CN";

const ENGLISH = "../../web/messages/en";

/**
 * A fresh copy of the i18n module for each test: the loaded English is cached in the module, and
 * each test starts from a page that has not fetched it yet.
 */
async function renderProbe() {
  vi.resetModules();
  const { I18nProvider, useI18n } = await import("../../web/i18n");
  function Probe() {
    const { locale, t, setLocale } = useI18n();
    return (
      <>
        <p data-testid="shown">{`${locale}:${t("appTitle")}`}</p>
        <p data-testid="filled">{t("rfReportOfYear", { year: 2024 })}</p>
        <p data-testid="unfilled">{t("rfReportOfYear")}</p>
        <button type="button" onClick={() => setLocale("en")}>
          to English
        </button>
        <button type="button" onClick={() => setLocale("zh")}>
          to Chinese
        </button>
      </>
    );
  }
  render(
    <I18nProvider>
      <Probe />
    </I18nProvider>,
  );
}

const shown = () => screen.getByTestId("shown").textContent;

/** Holds the English chunk back until the test releases it. */
function holdEnglish() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.doMock(ENGLISH, async (importOriginal) => {
    await gate;
    return importOriginal();
  });
  return async () => {
    await act(async () => {
      release();
      // The chunk the provider asked for, then the provider's state update.
      await import(ENGLISH);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };
}

beforeEach(() => {
  window.localStorage.clear();
  document.documentElement.lang = "zh-CN";
});

afterEach(() => {
  cleanup();
  vi.doUnmock(ENGLISH);
  window.history.replaceState(null, "", "/");
});

describe("I18nProvider", () => {
  it("speaks Chinese by default and fills {placeholders}, leaving unknown ones as written", async () => {
    await renderProbe();
    expect(shown()).toBe("zh:年报");
    expect(screen.getByTestId("filled").textContent).toBe("2024 年度报告");
    expect(screen.getByTestId("unfilled").textContent).toBe("{year} 年度报告");
  });

  it("paints Chinese first for a reader who chose English, then English once it has loaded", async () => {
    window.localStorage.setItem("nianbao.locale", "en");
    const release = holdEnglish();
    await renderProbe();
    expect(shown()).toBe("zh:年报");
    expect(document.documentElement.lang).toBe("zh-CN");
    await release();
    expect(shown()).toBe("en:Nianbao");
    expect(screen.getByTestId("filled").textContent).toBe("2024 report");
    expect(document.documentElement.lang).toBe("en");
  });

  it("keeps showing Chinese, never keys, while English loads after a switch", async () => {
    const release = holdEnglish();
    await renderProbe();
    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    expect(shown()).toBe("zh:年报");
    expect(window.localStorage.getItem("nianbao.locale")).toBe("en");
    await release();
    expect(shown()).toBe("en:Nianbao");
  });

  it("lets a switch back to Chinese win over English still loading, then switches at once", async () => {
    const release = holdEnglish();
    await renderProbe();
    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    fireEvent.click(screen.getByRole("button", { name: "to Chinese" }));
    await release();
    expect(shown()).toBe("zh:年报");
    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    expect(shown()).toBe("en:Nianbao");
  });

  it("stays in Chinese when English fails to load, and loads it when asked again", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let attempts = 0;
    vi.doMock(ENGLISH, async (importOriginal) => {
      attempts += 1;
      if (attempts === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return importOriginal();
    });
    await renderProbe();
    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    await waitFor(() => expect(logged).toHaveBeenCalled());
    expect(shown()).toBe("zh:年报");
    fireEvent.click(screen.getByRole("button", { name: "to English" }));
    await screen.findByText("en:Nianbao");
    logged.mockRestore();
  });

  it("follows a ?lang= link over the saved choice", async () => {
    window.localStorage.setItem("nianbao.locale", "zh");
    window.history.replaceState(null, "", "/?lang=en");
    await renderProbe();
    await screen.findByText("en:Nianbao");
  });
});

describe("the English messages", () => {
  it("keep the placeholders of each Chinese message", () => {
    const names = (message: string) =>
      [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      expect([key, names(en[key])]).toEqual([key, names(zhCN[key])]);
    }
  });
});
