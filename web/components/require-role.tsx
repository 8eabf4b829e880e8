import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import type { Role } from "../lib/api-types";
import { useSession } from "../lib/session";
import { Link } from "./link";
import { Loading } from "./request-view";

interface Props {
  /** Without it, every signed-in user. */
  roles?: readonly Role[];
  children: ReactNode;
}

/** Shows `children` to the given roles (or anyone signed in) only; the public is offered the login page. */
export function RequireRole({ roles, children }: Props) {
  const { t } = useI18n();
  const { status, user } = useSession();
  if (status === "loading") return <Loading />;
  if (!user) {
    const next = window.location.pathname + window.location.search;
    return (
      <main className="page">
        <p className="notice">
          {t("signInRequired")}{" "}
          <Link to={`/login?next=${encodeURIComponent(next)}`}>{t("signIn")}</Link>
        </p>
      </main>
    );
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <main className="page">
        <p className="notice notice-error" role="alert">
          {t("forbiddenPage")}
        </p>
      </main>
    );
  }
  return <>{children}</>;
}
