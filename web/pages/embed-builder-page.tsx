import { useEffect, useRef, useState } from "react";
import { AgencyPicker, type AgencyChoice } from "../components/agency-picker";
import { useEmbedHeight, type EmbedMeasurement } from "../components/embed-measure";
import { Field } from "../components/field";
import { Link } from "../components/link";
import { findRegion, RegionPicker, type RegionChoice } from "../components/region-picker";
import { useI18n, type MessageKey } from "../i18n";
import { embedFailure } from "../lib/embed-check";
import {
  EMBED_FIGURES,
  EMBED_HEIGHTS,
  EMBED_KINDS,
  EMBED_LANGS,
  EMBED_THEMES,
  EMBED_WIDTHS,
  embedProblems,
  embedSrc,
  embedTitle,
  measureWidths,
  readEmbedChoice,
  type EmbedProblem,
} from "../lib/embed-url";
import { figureLabel } from "../lib/figure-label";
import { api, unwrap } from "../api";
import { publicAgencyPath, publicRegionPath } from "../lib/router";
import { useRequest } from "../lib/use-request";
import { useTypedParam, useUrlState } from "../lib/use-url-state";
import { EMBED_SIZE_MESSAGE } from "../../worker/embed/resize-script";
import { embedSnippet } from "../../worker/embed/snippet";
import "../styles/embed-builder-page.css";

const PROBLEM_TEXT: Record<EmbedProblem, MessageKey> = {
  chooseAgency: "ebChooseAgency",
  chooseRegion: "ebChooseRegion",
  badYears: "ebBadYears",
};

/**
 * `/dashboard/embed?agency=|subject=region&region=&metric=&kind=&theme=&transparent=&lang=&years=`:
 * choose a chart, see it live, copy the HTML that embeds it on another site.
 */
export function EmbedBuilderPage({ origin = window.location.origin }: { origin?: string }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlState();
  const choice = readEmbedChoice(params);
  const [yearsText, setYearsText] = useTypedParam("years", setParams);
  const [picked, setPicked] = useState<AgencyChoice | null>(null);
  const [pickedRegion, setPickedRegion] = useState<RegionChoice | null>(null);
  const named = useRequest(
    () =>
      choice.agency === null
        ? Promise.resolve(null)
        : api.public.agencies[":id"]
            .$get({ param: { id: String(choice.agency) } })
            .then(unwrap)
            .then((d) => d.agency.name),
    [choice.agency],
  );
  const regionCode = choice.subject === "region" ? choice.region : "";
  const namedRegion = useRequest(
    () => (regionCode === "" ? Promise.resolve(null) : findRegion(regionCode)),
    [regionCode],
  );
  const agencyName =
    picked && picked.id === choice.agency
      ? picked.name
      : named.state.kind === "ready"
        ? named.state.data
        : null;
  const region: RegionChoice | null =
    pickedRegion && pickedRegion.code === regionCode
      ? pickedRegion
      : namedRegion.state.kind === "ready"
        ? namedRegion.state.data
        : null;
  const agency: AgencyChoice | null =
    choice.agency === null || agencyName === null ? null : { id: choice.agency, name: agencyName };
  const subjectName = choice.subject === "agency" ? agencyName : (region?.name ?? null);

  const problems = embedProblems(choice);
  const src = embedSrc(origin, choice);
  const title = embedTitle(choice, subjectName, (key, lang) => figureLabel(key, lang));
  const check = useRequest(
    () => (src === null ? Promise.resolve(null) : embedFailure(src, locale)),
    [src, locale],
  );
  const failure =
    check.state.kind === "ready"
      ? check.state.data
      : check.state.kind === "error"
        ? [t("ebCheckFailed")]
        : null;
  const { measurement, frames } = useEmbedHeight(
    failure === null ? src : null,
    measureWidths(choice.width),
  );
  const height = measurement.state === "done" ? measurement.height : EMBED_HEIGHTS[choice.kind];
  const snippet = src ? embedSnippet({ src, title, height, maxWidth: choice.width, origin }) : "";
  const figures: readonly string[] = EMBED_FIGURES.includes(
    choice.metric as (typeof EMBED_FIGURES)[number],
  )
    ? EMBED_FIGURES
    : [choice.metric, ...EMBED_FIGURES];

  return (
    <main className="page dashboard embed-builder">
      <p>
        <Link to="/dashboard">{t("dbBackToDashboard")}</Link>
      </p>
      <h2>{t("ebTitle")}</h2>
      <p className="muted">{t("ebIntro")}</p>

      <form className="embed-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t("ebSubject")}</legend>
          <label>
            <input
              type="radio"
              name="subject"
              value="agency"
              checked={choice.subject === "agency"}
              onChange={() => setParams({ subject: null })}
            />{" "}
            {t("ebSubjectAgency")}
          </label>{" "}
          <label>
            <input
              type="radio"
              name="subject"
              value="region"
              checked={choice.subject === "region"}
              onChange={() => setParams({ subject: "region" })}
            />{" "}
            {t("ebSubjectRegion")}
          </label>
        </fieldset>

        {choice.subject === "agency" ? (
          <AgencyPicker
            label={t("agency")}
            value={agency}
            onChange={(next) => {
              setPicked(next);
              setParams({ agency: next ? String(next.id) : null });
            }}
          />
        ) : (
          <>
            <RegionPicker
              label={t("ebRegion")}
              value={region}
              onChange={(next) => {
                setPickedRegion(next);
                setParams({ region: next ? next.code : null });
              }}
              error={
                problems.includes("chooseRegion") && choice.region !== ""
                  ? t("ebChooseRegion")
                  : namedRegion.state.kind === "ready" && namedRegion.state.data === null
                    ? t("ebUnknownRegion")
                    : null
              }
            />
            <Field label={t("pubSumOf")}>
              {(props) => (
                <select
                  {...props}
                  value={choice.scope}
                  onChange={(e) =>
                    setParams({ scope: e.target.value === "region" ? "region" : null })
                  }
                >
                  <option value="self">{t("pubScope_self")}</option>
                  <option value="region">{t("pubScope_region")}</option>
                </select>
              )}
            </Field>
          </>
        )}

        <div className="dashboard-filters">
          <Field label={t("trFigure")}>
            {(props) => (
              <select
                {...props}
                value={choice.metric}
                disabled={choice.kind === "outcome_mix"}
                onChange={(e) => setParams({ metric: e.target.value })}
              >
                {figures.map((key) => (
                  <option key={key} value={key}>
                    {figureLabel(key, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("ebKind")}>
            {(props) => (
              <select
                {...props}
                value={choice.kind}
                onChange={(e) => setParams({ kind: e.target.value })}
              >
                {EMBED_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`ebKind_${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("ebTheme")}>
            {(props) => (
              <select
                {...props}
                value={choice.theme}
                onChange={(e) => setParams({ theme: e.target.value })}
              >
                {EMBED_THEMES.map((theme) => (
                  <option key={theme} value={theme}>
                    {t(`ebTheme_${theme}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("ebLang")}>
            {(props) => (
              <select
                {...props}
                value={choice.lang}
                onChange={(e) => setParams({ lang: e.target.value })}
              >
                {EMBED_LANGS.map((lang) => (
                  <option key={lang} value={lang}>
                    {lang === "zh" ? "中文" : "English"}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t("ebYears")}
            hint={t("ebYearsHint")}
            error={problems.includes("badYears") ? t("ebBadYears") : null}
          >
            {(props) => (
              <input
                {...props}
                value={yearsText}
                placeholder="2019-2024"
                onChange={(e) => setYearsText(e.target.value)}
              />
            )}
          </Field>
          <Field label={t("ebWidth")} hint={t("ebWidthHint")}>
            {(props) => (
              <select
                {...props}
                value={String(choice.width)}
                onChange={(e) => setParams({ width: e.target.value })}
              >
                {[...new Set([...EMBED_WIDTHS, choice.width])]
                  .sort((a, b) => a - b)
                  .map((width) => (
                    <option key={width} value={width}>
                      {t("ebWidthPx", { width })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={choice.transparent}
                onChange={(e) => setParams({ transparent: e.target.checked ? "true" : null })}
              />{" "}
              {t("ebTransparent")}
            </label>
          </div>
        </div>
      </form>

      {src === null ? (
        <p className="notice" role="status">
          {problems.map((p) => t(PROBLEM_TEXT[p])).join(" ")}
        </p>
      ) : (
        <>
          {failure && (
            <div className="notice embed-failure" role="alert">
              <p>{t("ebFailed")}</p>
              <ul>
                {failure.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )}
          <section aria-labelledby="eb-preview">
            <h3 id="eb-preview">{t("ebPreview")}</h3>
            <div className={`embed-preview embed-preview-${choice.theme}`}>
              <PreviewFrame src={src} title={title} height={height} width={choice.width} />
            </div>
            <p>
              <a href={src} target="_blank" rel="noopener">
                {t("ebOpenEmbed")}
              </a>
              {" · "}
              <Link
                to={
                  choice.subject === "agency"
                    ? publicAgencyPath(choice.agency!)
                    : publicRegionPath(choice.region)
                }
              >
                {t("ebPublicPage")}
              </Link>
            </p>
          </section>
          {failure === null && check.state.kind === "ready" && (
            <SnippetBox snippet={snippet} measurement={measurement} width={choice.width} />
          )}
          {frames}
        </>
      )}
    </main>
  );
}

/**
 * The embed as a host page shows it: sized, as the loader would, to the height the embed reports,
 * trusted only from this frame and its origin.
 */
function PreviewFrame(props: { src: string; title: string; height: number; width: number }) {
  const { src, title, height, width } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const [measured, setMeasured] = useState<{ src: string; height: number } | null>(null);
  useEffect(() => {
    const origin = new URL(src, window.location.href).origin;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (data?.type !== EMBED_SIZE_MESSAGE) return;
      if (event.source !== frame.current?.contentWindow || event.origin !== origin) return;
      const reported = Math.ceil(Number(data.height));
      if (reported > 0 && reported < 20000) setMeasured({ src, height: reported });
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [src]);
  return (
    <iframe
      ref={frame}
      src={src}
      title={title}
      height={measured?.src === src ? measured.height : height}
      style={{ maxWidth: width }}
      loading="lazy"
    />
  );
}

/**
 * The HTML to paste, read-only, with a copy button that says whether copying worked; what it said
 * is forgotten when the code changes. Copying waits for the height to be measured.
 */
function SnippetBox(props: { snippet: string; measurement: EmbedMeasurement; width: number }) {
  const { snippet, measurement, width } = props;
  const { t } = useI18n();
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<{ snippet: string; result: "done" | "failed" } | null>(null);
  const result = copied?.snippet === snippet ? copied.result : null;
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(snippet);
      setCopied({ snippet, result: "done" });
    } catch {
      // Without clipboard access (an insecure origin, a denied permission) the reader copies by hand.
      box.current?.focus();
      box.current?.select();
      setCopied({ snippet, result: "failed" });
    }
  };
  return (
    <section aria-labelledby="eb-snippet">
      <h3 id="eb-snippet">{t("ebSnippet")}</h3>
      <Field label={t("ebSnippetLabel")} hint={t("ebSnippetHint")}>
        {(props) => (
          <textarea
            {...props}
            ref={box}
            className="embed-snippet"
            readOnly
            rows={4}
            value={snippet}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </Field>
      <p className="muted" role="status">
        {measurement.state === "measuring" && t("ebMeasuring")}
        {measurement.state === "done" && t("ebMeasured", { height: measurement.height, width })}
        {measurement.state === "failed" && t("ebMeasureFailed")}
      </p>
      <p>
        <button
          type="button"
          disabled={measurement.state === "measuring"}
          onClick={() => void copy()}
        >
          {t("ebCopy")}
        </button>{" "}
        <span role="status" className={result === "failed" ? "field-error" : "muted"}>
          {result === "done" && t("ebCopied")}
          {result === "failed" && t("ebCopyFailed")}
        </span>
      </p>
    </section>
  );
}
