import { describe, expect, it } from "vitest";
import { createAgency, publish, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const visits = (year: number, n: number) =>
  validDocument(year, (d) => (d.metrics!.website_visits = n));

async function city(code: string) {
  const government = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  const agency = await createAgency({ level: "city", parent_id: government.id, region_code: code });
  const other = await createAgency({ level: "city", parent_id: government.id, region_code: code });
  await saveDocument(agency.id, visits(2021, 1100));
  await publish(agency.id, 2021, 1);
  await saveDocument(agency.id, visits(2022, 1234567));
  await publish(agency.id, 2022, 1);
  await saveDocument(other.id, visits(2022, 800));
  await publish(other.id, 2022, 1);
  return { government, agency, other };
}

/** A CSV's records, after the licence's comment lines. */
const records = async (response: Response) =>
  (await response.text())
    .trim()
    .split("\r\n")
    .filter((line) => !line.startsWith("#"));

/** The visually hidden table's cells, in order. */
const tableCells = (html: string) =>
  [...html.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

describe("embeds", () => {
  it("render an agency's trend as HTML and SVG, framable anywhere, with its numbers in a table", async () => {
    const { agency } = await city("970100");
    const response = await request(
      `/embed/agency/${agency.id}?metric=metrics.website_visits&years=2020-2022&kind=trend`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(response.headers.get("content-security-policy")).toMatch(/style-src 'sha256-[\w+/=]+'/);
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toMatch(/<svg[^>]+role="img"/);
    expect(html).toContain(agency.name);
    const cells = tableCells(html);
    expect(cells).toContain("1,234,567");
    expect(cells).toContain("1,100");
    expect(html).toContain(`href="/embed/agency/${agency.id}/data.csv?`);
    expect(html).toContain('<script src="/embed/resize.js" defer></script>');

    const csv = await request(
      `/embed/agency/${agency.id}/data.csv?metric=metrics.website_visits&years=2020-2022&kind=trend`,
    );
    const text = await csv.clone().text();
    expect(text.split("\r\n").slice(0, 2)).toEqual([
      expect.stringMatching(/^# .*CC BY 4\.0/),
      expect.stringMatching(/^# .*CC BY 4\.0/),
    ]);
    const lines = await records(csv);
    expect(lines).toEqual([
      "subject,year,metric,label,value",
      `${agency.name},2020,metrics.website_visits,网站访问量,`,
      `${agency.name},2021,metrics.website_visits,网站访问量,1100`,
      `${agency.name},2022,metrics.website_visits,网站访问量,1234567`,
    ]);
  });

  it("show a newly approved report at once, and never a draft", async () => {
    const { agency } = await city("970200");
    const path = `/embed/agency/${agency.id}/data.csv?years=2023&kind=trend`;
    const line = async () => (await records(await request(path)))[1];
    expect(await line()).toMatch(/,$/);
    await saveDocument(agency.id, visits(2023, 4321));
    expect(await line()).toMatch(/,$/);
    await publish(agency.id, 2023, 1);
    expect(await line()).toMatch(/,4321$/);
    const series = await requestJson(
      `/api/public/series?agency=${agency.id}&figure=metrics.website_visits&years=2023`,
    );
    expect(series.body.items).toEqual([{ year: 2023, value: 4321 }]);
  });

  it("compare a region's agencies as bars, largest first, and sum it as a trend", async () => {
    const { agency, other } = await city("970300");
    const bars = await request(
      `/embed/region/970300/data.csv?years=2022&kind=bars&metric=metrics.website_visits`,
    );
    expect((await records(bars)).slice(1)).toEqual([
      `${agency.name},2022,metrics.website_visits,网站访问量,1234567`,
      `${other.name},2022,metrics.website_visits,网站访问量,800`,
    ]);
    const trend = await request(`/embed/region/970300/data.csv?years=2022&kind=trend`);
    expect((await records(trend))[1]).toMatch(/,2022,.*,1235367$/);
    const mix = await request(
      `/embed/region/970300?years=2022&kind=outcome_mix&lang=en&theme=dark`,
    );
    const html = await mix.text();
    expect(html).toContain('lang="en"');
    expect(html).toContain("theme-dark");
    expect(html).toContain("Disclosed");
  });

  it("pin a data version: the figures as they stood then, however many publications since", async () => {
    const { agency, other } = await city("970400");
    const current = (await requestJson("/api/public/agencies?limit=1")).body.data_version as number;
    const pinnedPath = (path: string) => `${path}${path.includes("?") ? "&" : "?"}v=${current}`;
    const agencyCsv = `/embed/agency/${agency.id}/data.csv?years=2021-2023`;
    const regionCsv = `/embed/region/970400/data.csv?years=2022-2023`;
    const barsCsv = `/embed/region/970400/data.csv?years=2022&kind=bars`;
    const read = async (path: string) => (await records(await request(path))).slice(1);
    // What the latest shows now; the pinned URLs are first asked only after the changes below,
    // so no cached answer can stand in for re-reading the figures as they were.
    const before = {
      agency: await read(agencyCsv),
      region: await read(regionCsv),
      bars: await read(barsCsv),
    };
    expect((await request(`/embed/agency/${agency.id}?v=${current + 100}`)).status).toBe(404);

    // A correction, a new year and a new agency's report are published after the pin...
    await saveDocument(agency.id, visits(2022, 5), 1, { note: "更正" });
    await publish(agency.id, 2022, 2);
    await saveDocument(agency.id, visits(2023, 10));
    await publish(agency.id, 2023, 1);
    await saveDocument(other.id, visits(2023, 20));
    await publish(other.id, 2023, 1);
    const newcomer = await createAgency({
      level: "city",
      parent_id: (await requestJson(`/api/public/agencies/${agency.id}`)).body.agency.parent_id,
      region_code: "970400",
    });
    await saveDocument(newcomer.id, visits(2022, 999_999_999));
    await publish(newcomer.id, 2022, 1);

    // ...the latest shows them; the pinned URLs still show the figures as they were.
    expect(await read(agencyCsv)).not.toEqual(before.agency);
    expect(await read(pinnedPath(agencyCsv))).toEqual(before.agency);
    expect(await read(pinnedPath(regionCsv))).toEqual(before.region);
    expect(await read(pinnedPath(barsCsv))).toEqual(before.bars);
    expect((await read(barsCsv))[0]).toContain(newcomer.name);
    const pinned = await request(pinnedPath(`/embed/agency/${agency.id}?years=2022`));
    expect(pinned.headers.get("cache-control")).toContain("immutable");
    expect(await pinned.text()).toContain(`v${current}`);
  });

  it("pin a whole-region sum: a report published since the pin neither counts nor hides the ones it contains", async () => {
    const province = await createAgency({
      level: "province",
      kind: "government",
      scope: "region",
      region_code: "971000",
    });
    const city = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      parent_id: province.id,
      region_code: "971100",
    });
    await saveDocument(city.id, visits(2022, 300));
    await publish(city.id, 2022, 1);
    const current = (await requestJson("/api/public/agencies?limit=1")).body.data_version as number;
    const csv = `/embed/region/971000/data.csv?years=2022&kind=trend&scope=region`;
    const read = async (path: string) => (await records(await request(path))).slice(1);
    expect(await read(csv)).toEqual([expect.stringMatching(/,2022,.*,300$/)]);

    // The province's own report, published after the pin, contains the city's.
    await saveDocument(province.id, visits(2022, 1000));
    await publish(province.id, 2022, 1);
    expect(await read(csv)).toEqual([expect.stringMatching(/,2022,.*,1000$/)]);
    expect(await read(`${csv}&v=${current}`)).toEqual([expect.stringMatching(/,2022,.*,300$/)]);
  });

  it("serve the loader (under 3 KB) and refuse bad parameters naming them", async () => {
    const loader = await request("/embed/loader.js");
    expect(loader.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await loader.text()).length).toBeLessThan(3 * 1024);
    const bad = await requestJson("/embed/agency/1?kind=pie&theme=pink");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "kind",
      "theme",
    ]);
    expect((await request("/embed/agency/999999")).status).toBe(404);
    expect((await request("/embed/region/990000")).status).toBe(404);
  });

  it("tell a browser why a chart cannot be shown, on a page in the embed's language, not in JSON", async () => {
    const asBrowser = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
    const bad = await request("/embed/agency/1?kind=pie&years=2030&foo=1", asBrowser);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^text\/html/);
    // Framable and styled like the chart it stands in for.
    expect(bad.headers.get("content-security-policy")).toContain("frame-ancestors *");
    const html = await bad.text();
    expect(html).toContain("<h1>无法显示此图表</h1>");
    const reasons = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(reasons).toHaveLength(3);
    expect(reasons).toContain("图表类型：应为以下之一：card / bars / trend / outcome_mix");
    expect(reasons.find((r) => r!.startsWith("年份："))).toContain("2030");
    expect(reasons).toContain("地址中有无法识别的参数“foo”");
    expect(html).not.toContain("validation_failed");
    expect(html).toContain('<script src="/embed/resize.js" defer></script>');

    const missing = await request("/embed/agency/999999?lang=en&theme=dark", asBrowser);
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('<html lang="en" class="theme-dark">');
    expect(page).toContain("<li>Agency not found</li>");

    // Scripts and API clients keep the JSON error, and so does the CSV.
    const json = await request("/embed/agency/999999");
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    const csv = await request("/embed/agency/999999/data.csv", asBrowser);
    expect(csv.status).toBe(404);
    expect(csv.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
