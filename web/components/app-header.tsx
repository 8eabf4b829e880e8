import { useState } from "react";
import { useI18n, type MessageKey } from "../i18n";
import type { User } from "../lib/api-types";
import { errorText } from "../lib/errors";
import { navigate, useLocation } from "../lib/router";
import { useSession } from "../lib/session";
import { Link } from "./link";
import { NotificationBell } from "./notification-bell";

interface NavItem {
  to: string;
  label: MessageKey;
}

/** What each role can reach from the header; the pages check again, and the server decides. */
export function navItems(user: User | null): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "navAgencies" }];
  if (user?.role === "submitter" && user.agency_id !== null) {
    items.push({ to: `/?agency=${user.agency_id}`, label: "navOwnReports" });
  }
  if (user?.role === "admin" || user?.role === "reviewer") {
    items.push(
      { to: "/review", label: "navReview" },
      { to: "/dashboard", label: "navDashboard" },
      { to: "/admin/users", label: "navUsers" },
    );
  }
  if (user?.role === "admin") {
    items.push(
      { to: "/admin/agencies", label: "navAgencyAdmin" },
      { to: "/admin/deadlines", label: "navDeadlines" },
      { to: "/admin/audit", label: "navAudit" },
      { to: "/admin/outbox", label: "navOutbox" },
    );
  }
  // Open data is for everyone, signed in or not.
  items.push({ to: "/public", label: "navPublic" });
  return items;
}

export function AppHeader() {
  const { t, locale, setLocale } = useI18n();
  const { user, status, logout } = useSession();
  const { pathname, search } = useLocation();
  const [failure, setFailure] = useState<unknown>(null);

  const signOut = async () => {
    try {
      await logout();
      setFailure(null);
      navigate("/");
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <header className="app-header">
      <h1>
        <Link to="/">{t("appTitle")}</Link> <small>{t("appSubtitle")}</small>
      </h1>
      <nav aria-label={t("mainNav")} className="main-nav">
        <ul>
          {navItems(user).map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={item.to === pathname + search ? "page" : undefined}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="account">
        {failure !== null && (
          <span role="alert" className="field-error">
            {errorText(failure, locale)}
          </span>
        )}
        {user && (
          <>
            <NotificationBell userId={user.id} />
            <span className="who">
              {user.name} <span className="tag">{t(`role_${user.role}`)}</span>
            </span>
            <button type="button" onClick={() => void signOut()}>
              {t("signOut")}
            </button>
          </>
        )}
        {!user && status === "ready" && pathname !== "/login" && (
          <Link to="/login">{t("signIn")}</Link>
        )}
        <button type="button" onClick={() => setLocale(locale === "zh" ? "en" : "zh")}>
          {t("language")}
        </button>
      </div>
    </header>
  );
}
