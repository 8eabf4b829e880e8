import { useI18n } from "../i18n";
import { pathLabel, TEXT_SECTIONS, type FindingTarget } from "../lib/finding-targets";
import { Field } from "./field";

export interface DraftComment {
  id: number;
  path: string;
  /** The reviewer types the path instead of choosing one. */
  custom: boolean;
  text: string;
}

interface Props {
  comments: DraftComment[];
  targets: FindingTarget[];
  onChange: (comments: DraftComment[]) => void;
}

const CUSTOM = "__custom";
let nextId = 1;

const newComment = (path = ""): DraftComment => ({ id: nextId++, path, custom: false, text: "" });

/** Comments attached to figures: chosen from the report's findings (shown beside) or typed. */
export function CommentRows({ comments, targets, onChange }: Props) {
  const { t, locale } = useI18n();
  const update = (id: number, patch: Partial<DraftComment>) =>
    onChange(comments.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  const known = [...targets.map((target) => target.path), ...Object.keys(TEXT_SECTIONS)];

  return (
    <div className="comments">
      {comments.map((comment, index) => {
        const target = targets.find((tg) => tg.path === comment.path);
        const choice =
          comment.custom || (comment.path && !known.includes(comment.path)) ? CUSTOM : comment.path;
        return (
          <fieldset key={comment.id} className="comment-row">
            <legend>{t("commentN", { n: index + 1 })}</legend>
            <Field label={t("commentTarget")}>
              {(c) => (
                <select
                  {...c}
                  value={choice}
                  onChange={(e) =>
                    e.target.value === CUSTOM
                      ? update(comment.id, { custom: true, path: "" })
                      : update(comment.id, { custom: false, path: e.target.value })
                  }
                >
                  <option value="">{t("chooseOne")}</option>
                  {targets.length > 0 && (
                    <optgroup label={t("fromFindings")}>
                      {targets.map((tg) => (
                        <option key={tg.path} value={tg.path}>
                          {pathLabel(tg.path, locale)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <optgroup label={t("textSections")}>
                    {Object.keys(TEXT_SECTIONS).map((path) => (
                      <option key={path} value={path}>
                        {pathLabel(path, locale)}
                      </option>
                    ))}
                  </optgroup>
                  <option value={CUSTOM}>{t("typePath")}</option>
                </select>
              )}
            </Field>
            {choice === CUSTOM && (
              <Field label={t("figurePath")} hint={t("figurePathHint")}>
                {(c) => (
                  <input
                    {...c}
                    className="mono"
                    value={comment.path}
                    onChange={(e) => update(comment.id, { path: e.target.value.trim() })}
                  />
                )}
              </Field>
            )}
            {target && (
              <ul className="findings" aria-label={t("findingsHere")}>
                {target.findings.map((f, i) => (
                  <li key={i} className={`finding finding-${f.severity}`}>
                    <span className="finding-rule">{f.rule}</span>
                    <span>{locale === "en" ? f.message_en : f.message}</span>
                  </li>
                ))}
              </ul>
            )}
            <Field label={t("commentText")}>
              {(c) => (
                <textarea
                  {...c}
                  rows={2}
                  value={comment.text}
                  onChange={(e) => update(comment.id, { text: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(comments.filter((c) => c.id !== comment.id))}
            >
              {t("removeComment")}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...comments, newComment()])}>
        {t("addComment")}
      </button>
    </div>
  );
}
