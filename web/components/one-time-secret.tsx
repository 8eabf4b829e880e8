import { useId, useState } from "react";
import { useI18n } from "../i18n";
import { formatDateTime } from "../lib/format";

interface Props {
  /** What the secret is, e.g. 邀请链接 for 张三. */
  title: string;
  value: string;
  expiresAt?: string | null;
  /** The address the link was also e-mailed to (invitations and resets). */
  mailedTo?: string;
  onDismiss: () => void;
}

/** A link or token the server shows only once: readable, selectable, copyable, then dismissed. */
export function OneTimeSecret({ title, value, expiresAt, mailedTo, onDismiss }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="secret" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      {mailedTo && <p>{t("linkMailed", { email: mailedTo })}</p>}
      <p className="muted">
        {t(mailedTo ? "shownOnceMailed" : "shownOnce")}
        {expiresAt && ` ${t("linkExpires", { at: formatDateTime(expiresAt, locale) })}`}
      </p>
      <div className="secret-row">
        <input
          readOnly
          value={value}
          aria-label={title}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {t("copy")}
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
      <p role="status" className="muted">
        {copied === true && t("copied")}
        {copied === false && t("copyFailed")}
      </p>
    </section>
  );
}
