import { useEffect, useRef, useState } from "react";
import { AgencyPicker, type AgencyChoice } from "../components/agency-picker";
import { Field } from "../components/field";
import { Link } from "../components/link";
import { useI18n, type MessageKey } from "../i18n";
import {
  EMBED_FIGURES,
  EMBED_HEIGHTS,
  EMBED_KINDS,
  EMBED_LANGS,
  EMBED_THEMES,
  embedProblems,
  embedSrc,
  embedTitle,
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

const PROBLEM_TEXT: Record<EmbedProblem, MessageKey> = {
  chooseAgency: "ebChooseAgency",
  badRegion: "ebBadRegion",
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
  const [regionText, setRegionText] = useTypedParam("region", setParams);
  const [yearsText, setYearsText] = useTypedParam("years", setParams);
  const [picked, setPicked] = useState<AgencyChoice | null>(null);
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
  const agencyName =
    picked && picked.id === choice.agency
      ? picked.name
      : named.state.kind === "ready"
        ? named.state.data
        : null;
  const agency: AgencyChoice | null =
    choice.agency === null ? null : { id: choice.agency, name: agencyName ?? `#${choice.agency}` };

  const problems = embedProblems(choice);
  const src = embedSrc(origin, choice);
  const title = embedTitle(choice, agencyName, (key, lang) => figureLabel(key, lang));
  const height = EMBED_HEIGHTS[choice.kind];
  const snippet = src ? embedSnippet({ src, title, height, origin }) : "";
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
            error={problems.includes("chooseAgency") ? t("ebChooseAgency") : null}
          />
        ) : (
          <>
            <Field
              label={t("regionCode")}
              hint={t("ebRegionHint")}
              error={problems.includes("badRegion") && regionText !== "" ? t("ebBadRegion") : null}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={regionText}
                  onChange={(e) => setRegionText(e.target.value)}
                />
              )}
            </Field>
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
          <section aria-labelledby="eb-preview">
            <h3 id="eb-preview">{t("ebPreview")}</h3>
            <div className={`embed-preview embed-preview-${choice.theme}`}>
              <PreviewFrame src={src} title={title} height={height} />
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
          <SnippetBox snippet={snippet} />
        </>
      )}
    </main>
  );
}

/**
 * The embed as a host page shows it: sized, as the loader would, to the height the embed reports,
 * trusted only from this frame and its origin.
 */
function PreviewFrame({ src, title, height }: { src: string; title: string; height: number }) {
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
      loading="lazy"
    />
  );
}

/** The HTML to paste, read-only, with a copy button that says whether copying worked. */
function SnippetBox({ snippet }: { snippet: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(snippet);
      setCopied("done");
    } catch {
      // Without clipboard access (an insecure origin, a denied permission) the reader copies by hand.
      box.current?.focus();
      box.current?.select();
      setCopied("failed");
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
      <p>
        <button type="button" onClick={() => void copy()}>
          {t("ebCopy")}
        </button>{" "}
        <span role="status" className={copied === "failed" ? "field-error" : "muted"}>
          {copied === "done" && t("ebCopied")}
          {copied === "failed" && t("ebCopyFailed")}
        </span>
      </p>
    </section>
  );
}
