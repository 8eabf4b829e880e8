import { Field } from "../components/field";
import { Pager } from "../components/pager";
import { PublicAgencyTable } from "../components/public-agency-table";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import { formatCount } from "../lib/format";
import { api, query, unwrap } from "../api";
import { bulkCsvUrl, bulkPackageUrl, OPENAPI_URL } from "../lib/public-api";
import { yearsUpTo } from "../lib/trend";
import { defaultYear } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import { useSeason } from "../lib/use-season";
import { useTypedParam, useUrlState, urlOffset, offsetParam } from "../lib/use-url-state";
import { LICENCE } from "../../worker/public/licence";

const PAGE = 20;

/** `/public?q=&offset=`: open data for anyone: find an agency, download a year, read the API. */
export function PublicHomePage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlState();
  const [text, setText] = useTypedParam("q", setParams);
  const q = params.get("q") ?? "";
  const offset = urlOffset(params);
  const list = useRequest(
    () => api.public.agencies.$get({ query: query({ q, limit: PAGE, offset }) }).then(unwrap),
    [q, offset],
  );
  // Only the years with published reports have a file: another year's link would be a 404.
  const season = useSeason();
  const years =
    season === undefined
      ? []
      : (season?.years ??
        yearsUpTo(defaultYear(new Date()))
          .reverse()
          .map((year) => ({ year, published: null })));

  return (
    <main className="page public-page">
      <h2>{t("pubTitle")}</h2>
      <p className="muted">{t("pubIntro")}</p>

      <section aria-labelledby="pub-search">
        <h3 id="pub-search">{t("pubFindAgency")}</h3>
        <Field label={t("searchAgencies")}>
          {(props) => (
            <input
              {...props}
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <RequestView state={list.state} retry={list.retry}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="empty">{t("pubNoAgencies")}</p>
            ) : (
              <>
                <p className="muted" role="status">
                  {t("pubAgencyCount", { n: formatCount(data.total, locale) })}
                </p>
                <PublicAgencyTable agencies={data.items} caption={t("pubAgencies")} />
                <Pager
                  offset={offset}
                  limit={PAGE}
                  total={data.total}
                  onChange={(next) => setParams(offsetParam(next))}
                />
              </>
            )
          }
        </RequestView>
      </section>

      <section aria-labelledby="pub-downloads">
        <h3 id="pub-downloads">{t("pubDownloads")}</h3>
        <p className="licence">
          {locale === "en" ? LICENCE.statementEn : LICENCE.statement}{" "}
          <a href={LICENCE.url} rel="license">
            {LICENCE.title}
          </a>
        </p>
        <table className="data-table compact">
          <caption>{t("pubDownloads")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("apYear")}</th>
              <th scope="col" className="num">
                {t("pubBulkReports")}
              </th>
              <th scope="col">{t("pubBulkCsv")}</th>
              <th scope="col">{t("pubBulkPackage")}</th>
            </tr>
          </thead>
          <tbody>
            {years.map(({ year, published }) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                <td className="num">{published === null ? "—" : formatCount(published, locale)}</td>
                <td>
                  <a href={bulkCsvUrl(year)} download>
                    {t("pubBulkCsvOf", { year })}
                  </a>
                </td>
                <td>
                  <a href={bulkPackageUrl(year)}>{t("pubBulkPackageOf", { year })}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={OPENAPI_URL}>{t("pubOpenApi")}</a>{" "}
          <small className="muted">{t("pubOpenApiHint")}</small>
        </p>
      </section>
    </main>
  );
}
