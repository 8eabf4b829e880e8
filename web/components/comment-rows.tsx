import { useMemo } from "react";
import { listFigures } from "../../worker/report/figures";
import type { Template } from "../../worker/report/templates";
import { useI18n, type MessageKey } from "../i18n";
import { pathLabel, TEXT_SECTIONS, type FindingTarget } from "../lib/finding-targets";
import { Field } from "./field";

export interface DraftComment {
  id: number;
  path: string;
  text: string;
}

interface Props {
  comments: DraftComment[];
  targets: FindingTarget[];
  /** The report's template: which cells there are to comment on. */
  template: Template;
  onChange: (comments: DraftComment[]) => void;
}

let nextId = 1;

const newComment = (path = ""): DraftComment => ({ id: nextId++, path, text: "" });

const TABLES: { prefix: string; title: MessageKey }[] = [
  { prefix: "section2.", title: "commentTable2" },
  { prefix: "section3.", title: "commentTable3" },
  { prefix: "section4.", title: "commentTable4" },
  { prefix: "metrics.", title: "commentMetrics" },
];

/** Every cell of the template, by table, in printed order. */
function useCellGroups(template: Template) {
  return useMemo(() => {
    const keys = listFigures(template).map((figure) => figure.key);
    return TABLES.map(({ prefix, title }) => ({
      title,
      keys: keys.filter((key) => key.startsWith(prefix)),
    }));
  }, [template]);
}

/**
 * Comments attached to figures or narrative sections: the cells the findings point at first
 * (their findings shown beside), then every cell by table.
 */
export function CommentRows({ comments, targets, template, onChange }: Props) {
  const { t, locale } = useI18n();
  const groups = useCellGroups(template);
  const update = (id: number, patch: Partial<DraftComment>) =>
    onChange(comments.map((c) => (c.id === id ? { ...c, ...patch } : c)));

  return (
    <div className="comments">
      {comments.map((comment, index) => {
        const target = targets.find((tg) => tg.path === comment.path);
        return (
          <fieldset key={comment.id} className="comment-row">
            <legend>{t("commentN", { n: index + 1 })}</legend>
            <Field label={t("commentTarget")}>
              {(c) => (
                <select
                  {...c}
                  value={comment.path}
                  onChange={(e) => update(comment.id, { path: e.target.value })}
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
                  {groups.map((group) => (
                    <optgroup key={group.title} label={t(group.title)}>
                      {group.keys.map((key) => (
                        <option key={key} value={key}>
                          {pathLabel(key, locale)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
            {target && (
              <ul className="findings" aria-label={t("findingsHere")}>
                {target.findings.map((f, i) => (
                  <li key={i} className={`finding finding-${f.severity}`}>
                    <span className="finding-rule">{t(`severity_${f.severity}`)}</span>
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
