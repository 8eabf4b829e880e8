import { useI18n } from "../i18n";

interface Props {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

export function Pager({ offset, limit, total, onChange }: Props) {
  const { t } = useI18n();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t("pagination")}>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t("previousPage")}
      </button>
      <span>{t("rangeOf", { from, to, total })}</span>
      <button type="button" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t("nextPage")}
      </button>
    </nav>
  );
}
