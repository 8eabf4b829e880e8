import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { fixture00As } from "./fixture-document";

// A year the demo has no report for, so that the test decides what is published.
const YEAR = 2026;

/** The admin's API session: a cookie in the request context and the CSRF token writes need. */
async function adminApi(request: APIRequestContext) {
  const login = await request.post("/api/auth/login", {
    data: { email: DEMO_LOGINS.admin.email, password: DEMO_LOGINS.admin.password },
  });
  expect(login.status()).toBe(200);
  const session = await (await request.get("/api/auth/session")).json();
  const headers = { "X-CSRF-Token": session.csrf_token as string };
  const send = (method: "PUT" | "POST") => async (path: string, data: unknown) => {
    const response = await request.fetch(path, { method, data, headers });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  };
  return { put: send("PUT"), post: send("POST") };
}

/**
 * A site on another origin than the embed, showing `body`: a page served from its own loopback
 * port (Chromium forbids a public page from framing a local server).
 */
async function hostPage(page: Page, body: string) {
  const html = `<!doctype html><html><body style="margin:0">${body}</body></html>`;
  const server = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://localhost:${port}/`);
  return {
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The host page with an embed frame of the given width, sized by the loader. */
const withLoader = (src: string, width: number) => `
    <div id="box" style="width:${width}px">
      <iframe id="embed" src="${src}" title="embed" data-nianbao-embed style="width:100%;border:0" height="150"></iframe>
    </div>
    <script async src="${new URL(src).origin}/embed/loader.js"></script>`;

const heightOf = (page: Page) =>
  page.locator("#embed").evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().height);

test("an embed on another site sizes itself both ways through the loader", async ({
  page,
  baseURL,
}) => {
  const agencies = await (
    await page.request.get("/api/public/agencies?kind=department&limit=1")
  ).json();
  const src = `${baseURL}/embed/agency/${agencies.items[0].id}?kind=trend&years=2019-2024`;
  const host = await hostPage(page, withLoader(src, 640));
  // From its 150 px start the iframe takes the chart's height...
  await expect.poll(() => heightOf(page)).not.toBe(150);
  const wide = await heightOf(page);
  // ...shrinks when the chart narrows (it keeps its aspect ratio)...
  await page.locator("#box").evaluate((el) => ((el as HTMLElement).style.width = "320px"));
  await expect.poll(() => heightOf(page)).toBeLessThan(wide);
  const narrow = await heightOf(page);
  // ...and grows again.
  await page.locator("#box").evaluate((el) => ((el as HTMLElement).style.width = "900px"));
  await expect.poll(() => heightOf(page)).toBeGreaterThan(narrow);
  await host.close();
});

test("with JavaScript off, the embed still shows its chart and the table of its numbers", async ({
  browser,
  baseURL,
  request,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const agencies = await (await request.get("/api/public/agencies?kind=department&limit=1")).json();
  const id = agencies.items[0].id as number;
  await page.goto(
    `${baseURL}/embed/agency/${id}?kind=trend&years=2023-2024&metric=section3.new_received.total`,
  );
  // The wide chart at this width; the compact one is there, not shown.
  const chart = page.locator("svg[role=img]:visible");
  await expect(chart).toHaveCount(1);
  await expect(chart).toBeVisible();
  await expect(chart.locator("title").first()).not.toBeEmpty();
  const table = page.locator("table");
  await expect(table).toHaveCount(1);
  const series = await (
    await request.get(
      `/api/public/series?agency=${id}&figure=section3.new_received.total&years=2023-2024`,
    )
  ).json();
  for (const item of series.items as { year: number; value: number }[]) {
    await expect(table.getByRole("row", { name: new RegExp(`^${item.year}`) })).toContainText(
      item.value.toLocaleString("zh-CN"),
    );
  }
  await context.close();
});

test("a newly approved report appears in the embed and the open API; a draft never does", async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  // A department with no report for the year yet (a retry finds the first one's from before),
  // outside 示范省 (99), whose agencies the form and review tests write to.
  const agencies = await (
    await request.get("/api/public/agencies?kind=department&limit=20")
  ).json();
  let agency: { id: number; name: string } | undefined;
  for (const candidate of agencies.items as { id: number; name: string; region_code: string }[]) {
    if (candidate.region_code.startsWith("99")) continue;
    const existing = await request.get(`/api/agencies/${candidate.id}/reports/${YEAR}`);
    if (existing.status() === 404) {
      agency = candidate;
      break;
    }
  }
  if (!agency) throw new Error(`every listed department already has a ${YEAR} report`);
  const csv = `/embed/agency/${agency.id}/data.csv?kind=trend&years=${YEAR}`;
  const series = `/api/public/series?agency=${agency.id}&figure=metrics.website_visits&years=${YEAR}`;
  // The first record after the licence's comment lines and the header.
  const embedLine = async () =>
    (await (await request.get(csv)).text())
      .trim()
      .split("\r\n")
      .filter((line) => !line.startsWith("#"))[1];

  await api.put(`/api/agencies/${agency.id}/reports/${YEAR}`, {
    base_revision: 0,
    document: fixture00As(YEAR, 777_001),
  });
  expect(await embedLine()).toMatch(/,$/);
  expect((await (await request.get(series)).json()).items).toEqual([]);
  await page.goto(`/embed/agency/${agency.id}?kind=trend&years=${YEAR}`);
  await expect(page.locator("table")).not.toContainText("777,001");

  await api.post(`/api/agencies/${agency.id}/reports/${YEAR}/submit`, { revision: 1 });
  await api.post(`/api/agencies/${agency.id}/reports/${YEAR}/approve`, { revision: 1 });
  await expect.poll(embedLine, { timeout: 10_000 }).toMatch(/,777001$/);
  await expect
    .poll(async () => (await (await request.get(series)).json()).items, { timeout: 10_000 })
    .toEqual([{ year: YEAR, value: 777_001 }]);
  await page.goto(`/embed/agency/${agency.id}?kind=trend&years=${YEAR}`);
  await expect(page.locator("table")).toContainText("777,001");
});

test("the builder measures the embed, so its snippet without the loader shows the whole chart", async ({
  page,
}) => {
  const login = await page.request.post("/api/auth/login", {
    data: { email: DEMO_LOGINS.admin.email, password: DEMO_LOGINS.admin.password },
  });
  expect(login.status()).toBe(200);
  const agencies = await (
    await page.request.get("/api/public/agencies?kind=department&limit=1")
  ).json();
  const agency = agencies.items[0] as { id: number; name: string };
  await page.goto(`/dashboard/embed?agency=${agency.id}&kind=trend&years=2019-2024&width=640`);
  await expect(page.getByText(/代码中的高度为 \d+ 像素/)).toBeVisible({ timeout: 20_000 });
  const snippet = await page.getByRole("textbox", { name: "HTML 代码" }).inputValue();
  // Only the frame: a site that strips scripts keeps no loader.
  const frame = snippet.split("\n")[0]!;
  expect(frame).toMatch(/^<iframe /);
  const height = Number(/ height="(\d+)"/.exec(frame)![1]);
  expect(frame).toContain(`title="${agency.name} · 网站访问量"`);

  for (const width of [640, 560, 480, 400, 320]) {
    const host = await hostPage(page, `<div style="width:${width}px">${frame}</div>`);
    const embed = page.frameLocator("iframe");
    await expect(embed.locator("footer")).toBeVisible();
    const shown = await embed.locator("html").evaluate(() => ({
      content: document.documentElement.scrollHeight,
      footer: document.querySelector("footer")!.getBoundingClientRect().bottom,
      frame: window.innerHeight,
    }));
    expect(shown.frame, `${width} px`).toBe(height);
    // Nothing to scroll to, and the licence line inside the frame.
    expect(shown.content, `${width} px`).toBeLessThanOrEqual(height);
    expect(shown.footer, `${width} px`).toBeLessThanOrEqual(height);
    await host.close();
  }
});

test("below 480 px the embed switches to its compact chart, with no text under 12 px", async ({
  page,
  request,
}) => {
  const agencies = await (await request.get("/api/public/agencies?kind=department&limit=1")).json();
  const agency = agencies.items[0] as { id: number; region_code: string };
  const pages = [
    `/embed/agency/${agency.id}?kind=trend&years=2019-2024`,
    `/embed/agency/${agency.id}?kind=card&years=2019-2024`,
    `/embed/agency/${agency.id}?kind=outcome_mix&years=2019-2024`,
    `/embed/region/${agency.region_code}?kind=bars&years=2023`,
  ];
  for (const width of [320, 400]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("svg.chart.compact")).toBeVisible();
      await expect(page.locator("svg.chart.wide")).toBeHidden();
      const text = await page.evaluate(() => {
        let smallest = Infinity;
        let where = "";
        for (const element of document.querySelectorAll("body *")) {
          const own = [...element.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "",
          );
          const box = element.getBoundingClientRect();
          // Not drawn (the other layout), or clipped to a pixel (the table for screen readers).
          if (!own || box.width <= 1 || box.height <= 1) continue;
          const svg = element.closest("svg");
          const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
          const size = parseFloat(getComputedStyle(element).fontSize) * scale;
          if (size < smallest) [smallest, where] = [size, element.textContent.slice(0, 30)];
        }
        return { smallest, where, overflow: document.documentElement.scrollWidth - innerWidth };
      });
      expect(text.smallest, `${path} at ${width} px: “${text.where}”`).toBeGreaterThanOrEqual(12);
      expect(text.overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  // From 480 px on, the wide chart.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto(pages[0]!);
  await expect(page.locator("svg.chart.wide")).toBeVisible();
  await expect(page.locator("svg.chart.compact")).toBeHidden();
});

test("an embed with a bad address says why in Chinese, not in JSON", async ({ page, request }) => {
  const agencies = await (await request.get("/api/public/agencies?kind=department&limit=1")).json();
  const response = await page.goto(`/embed/agency/${agencies.items[0].id}?kind=pie`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "无法显示此图表" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("图表类型：");
  await expect(page.locator("body")).not.toContainText("validation_failed");
});
