import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { LOADER_SCRIPT } from "../../worker/embed/loader-script";
import { EMBED_ROOT_ID, EMBED_SIZE_MESSAGE, RESIZE_SCRIPT } from "../../worker/embed/resize-script";

const EMBED = "https://nianbao.example.org/embed/agency/123?kind=trend";

function hostPage() {
  const dom = new JSDOM(
    `<iframe data-nianbao-embed src="${EMBED}" style="height:300px"></iframe>` +
      `<iframe data-nianbao-embed src="https://nianbao.example.org/embed/agency/9"></iframe>` +
      `<iframe src="https://other.example/x"></iframe>`,
    { runScripts: "outside-only", url: "https://city.example.gov.cn/open/report" },
  );
  dom.window.eval(LOADER_SCRIPT);
  const [first, second, foreign] = [...dom.window.document.querySelectorAll("iframe")];
  const post = (data: unknown, origin: string, source: Window | null) =>
    dom.window.dispatchEvent(new dom.window.MessageEvent("message", { data, origin, source }));
  return { first: first!, second: second!, foreign: foreign!, post };
}

describe("the loader script", () => {
  it("is under 3 KB", () => {
    expect(Buffer.byteLength(LOADER_SCRIPT)).toBeLessThan(3 * 1024);
  });

  it("sizes the iframe that sent the message, taller and shorter", () => {
    const { first, second, post } = hostPage();
    expect(first.contentWindow).not.toBeNull();
    expect(first.contentWindow).not.toBe(second.contentWindow);
    post(
      { type: EMBED_SIZE_MESSAGE, height: 412.2 },
      "https://nianbao.example.org",
      first.contentWindow,
    );
    expect(first.style.height).toBe("413px");
    expect(second.style.height).toBe("");
    post(
      { type: EMBED_SIZE_MESSAGE, height: 180 },
      "https://nianbao.example.org",
      first.contentWindow,
    );
    expect(first.style.height).toBe("180px");
  });

  it("ignores messages from another origin, another window or of another type", () => {
    const { first, foreign, post } = hostPage();
    post({ type: EMBED_SIZE_MESSAGE, height: 999 }, "https://evil.example", first.contentWindow);
    post(
      { type: EMBED_SIZE_MESSAGE, height: 999 },
      "https://nianbao.example.org",
      foreign.contentWindow,
    );
    post({ type: "other", height: 999 }, "https://nianbao.example.org", first.contentWindow);
    post(
      { type: EMBED_SIZE_MESSAGE, height: -5 },
      "https://nianbao.example.org",
      first.contentWindow,
    );
    expect(first.style.height).toBe("300px");
    expect(foreign.style.height).toBe("");
  });

  it("listens once however often the host includes it", () => {
    const { first, post } = hostPage();
    const window = first.ownerDocument.defaultView!;
    window.eval(LOADER_SCRIPT);
    expect(first.ownerDocument.documentElement.hasAttribute("data-nianbao-loader")).toBe(true);
    post(
      { type: EMBED_SIZE_MESSAGE, height: 200 },
      "https://nianbao.example.org",
      first.contentWindow,
    );
    expect(first.style.height).toBe("200px");
  });

  it("leaves no global behind", () => {
    const dom = new JSDOM("", { runScripts: "outside-only" });
    const before = new Set(Object.keys(dom.window));
    dom.window.eval(LOADER_SCRIPT);
    expect(Object.keys(dom.window).filter((k) => !before.has(k))).toEqual([]);
  });
});

describe("the resize script", () => {
  function embedPage() {
    const dom = new JSDOM(`<div id="${EMBED_ROOT_ID}"></div>`, {
      runScripts: "outside-only",
      url: `${EMBED}#sales-chart`,
    });
    const window = dom.window as unknown as Window & { eval: (code: string) => void };
    const sent: unknown[] = [];
    let height = 420.4;
    let observed: (() => void) | undefined;
    Object.assign(window, {
      postMessage: (message: unknown, target: string) => sent.push({ message, target }),
      ResizeObserver: class {
        constructor(callback: () => void) {
          observed = callback;
        }
        observe() {}
      },
    });
    window.document.getElementById(EMBED_ROOT_ID)!.getBoundingClientRect = () =>
      ({ height }) as DOMRect;
    window.eval(RESIZE_SCRIPT);
    return {
      sent,
      resize: (h: number) => {
        height = h;
        observed!();
      },
    };
  }

  it("reports the wrapper's height on load, with the iframe's fragment as id", () => {
    const { sent } = embedPage();
    expect(sent).toEqual([
      { message: { type: EMBED_SIZE_MESSAGE, height: 421, id: "sales-chart" }, target: "*" },
    ]);
  });

  it("reports growing and shrinking, and nothing when the height is unchanged", () => {
    const { sent, resize } = embedPage();
    resize(600);
    resize(600);
    resize(240);
    expect(sent.map((s) => (s as { message: { height: number } }).message.height)).toEqual([
      421, 600, 240,
    ]);
  });
});
