import type { ReactNode } from "react";
import { useI18n, type MessageKey } from "../i18n";

/** An agency's level, kind and scope as a definition list; pages add their own facts after. */
export function AgencyFacts({
  agency,
  children,
}: {
  agency: { level: string; kind: string; scope: string };
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <dl className="agency-facts">
      <div>
        <dt>{t("apLevel")}</dt>
        <dd>{t(`level_${agency.level}` as MessageKey)}</dd>
      </div>
      <div>
        <dt>{t("apKind")}</dt>
        <dd>{t(`kind_${agency.kind}` as MessageKey)}</dd>
      </div>
      <div>
        <dt>{t("apScope")}</dt>
        <dd>{t(`scope_${agency.scope}` as MessageKey)}</dd>
      </div>
      {children}
    </dl>
  );
}
