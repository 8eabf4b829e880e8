import { lazy, Suspense, useEffect, useRef, type ReactNode } from "react";
import { AppHeader } from "./components/app-header";
import { Link } from "./components/link";
import { RequireRole } from "./components/require-role";
import { useI18n } from "./i18n";
import { matchRoute, useLocation, type Route } from "./lib/router";
import { AcceptInvitePage } from "./pages/accept-invite-page";
import { AgenciesAdminPage } from "./pages/agencies-admin-page";
import { AgenciesPage } from "./pages/agencies-page";
import { AuditPage } from "./pages/audit-page";
import { RevisionHistoryPage } from "./pages/revision-history-page";
import { DeadlinesPage } from "./pages/deadlines-page";
import { LoginPage } from "./pages/login-page";
import { NotificationsPage } from "./pages/notifications-page";
import { OutboxPage } from "./pages/outbox-page";
import { ReportPage } from "./pages/report-page";
import { ReviewPage } from "./pages/review-page";
import { UsersPage } from "./pages/users-page";

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  const outlet = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  // After an in-app navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    if (first.current) first.current = false;
    else outlet.current?.focus();
  }, [pathname]);

  return (
    <div className="app">
      <AppHeader />
      <div ref={outlet} tabIndex={-1} className="outlet">
        <Page route={route} />
      </div>
    </div>
  );
}

// The form and the print view carry the tables, the rules and the draft machinery: loaded only
// when opened, so that the first view of the dashboard stays small.
const ReportFormPage = lazy(() =>
  import("./pages/report-form-page").then((m) => ({ default: m.ReportFormPage })),
);
const PrintPage = lazy(() => import("./pages/print-page").then((m) => ({ default: m.PrintPage })));
// The dashboard carries recharts: loaded when a dashboard page opens, not on the first view.
const DashboardPage = lazy(() =>
  import("./pages/dashboard-page").then((m) => ({ default: m.DashboardPage })),
);
const RegionReportPage = lazy(() =>
  import("./pages/region-report-page").then((m) => ({ default: m.RegionReportPage })),
);
const ComparePage = lazy(() =>
  import("./pages/compare-page").then((m) => ({ default: m.ComparePage })),
);
const QualityPage = lazy(() =>
  import("./pages/quality-page").then((m) => ({ default: m.QualityPage })),
);
const AgencyProfilePage = lazy(() =>
  import("./pages/agency-profile-page").then((m) => ({ default: m.AgencyProfilePage })),
);
const TrendsPage = lazy(() =>
  import("./pages/trends-page").then((m) => ({ default: m.TrendsPage })),
);
const EmbedBuilderPage = lazy(() =>
  import("./pages/embed-builder-page").then((m) => ({ default: m.EmbedBuilderPage })),
);
// The public pages (no session needed) load on their own too: the agency and region pages carry
// recharts, the report page the official tables.
const PublicHomePage = lazy(() =>
  import("./pages/public-home-page").then((m) => ({ default: m.PublicHomePage })),
);
const PublicAgencyPage = lazy(() =>
  import("./pages/public-agency-page").then((m) => ({ default: m.PublicAgencyPage })),
);
const PublicReportPage = lazy(() =>
  import("./pages/public-report-page").then((m) => ({ default: m.PublicReportPage })),
);
const PublicRegionPage = lazy(() =>
  import("./pages/public-region-page").then((m) => ({ default: m.PublicRegionPage })),
);

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.page) {
    case "home":
      return <AgenciesPage />;
    case "login":
      return <LoginPage />;
    case "accept":
      return <AcceptInvitePage purpose={route.purpose} />;
    case "users":
      return <UsersPage />;
    case "agencies":
      return <AgenciesAdminPage />;
    case "audit":
      return <AuditPage />;
    case "deadlines":
      return <DeadlinesPage />;
    case "review":
      return <ReviewPage />;
    case "outbox":
      return <OutboxPage />;
    case "notifications":
      return <NotificationsPage />;
    case "dashboard":
      return <Lazy page={<DashboardPage />} signedIn />;
    case "region_report":
      return <Lazy page={<RegionReportPage />} signedIn />;
    case "compare":
      return <Lazy page={<ComparePage />} signedIn />;
    case "quality":
      return <Lazy page={<QualityPage />} signedIn />;
    case "agency_profile":
      return (
        <Lazy
          page={<AgencyProfilePage key={route.agencyId} agencyId={route.agencyId} />}
          signedIn
        />
      );
    case "trends":
      return <Lazy page={<TrendsPage />} signedIn />;
    case "embed_builder":
      return <Lazy page={<EmbedBuilderPage />} />;
    case "public":
      return <Lazy page={<PublicHomePage />} />;
    case "public_agency":
      return <Lazy page={<PublicAgencyPage key={route.agencyId} agencyId={route.agencyId} />} />;
    case "public_report":
      return (
        <Lazy
          page={
            <PublicReportPage
              key={`${route.agencyId}/${route.year}`}
              agencyId={route.agencyId}
              year={route.year}
            />
          }
        />
      );
    case "public_region":
      return <Lazy page={<PublicRegionPage key={route.code} code={route.code} />} />;
    case "report":
      return <ReportPage key={`${route.agencyId}/${route.year}`} {...route} />;
    case "edit":
      return (
        <Suspense fallback={<p className="page">{t("loading")}</p>}>
          <ReportFormPage key={`${route.agencyId}/${route.year}`} {...route} />
        </Suspense>
      );
    case "history":
      return <RevisionHistoryPage key={`${route.agencyId}/${route.year}`} {...route} />;
    case "print":
      return (
        <Suspense fallback={<p className="page">{t("loading")}</p>}>
          <PrintPage key={`${route.agencyId}/${route.year}`} {...route} />
        </Suspense>
      );
    case "not_found":
      return <NotFoundPage />;
  }
}

function NotFoundPage() {
  const { t } = useI18n();
  return (
    <main className="page">
      <h2>{t("notFoundTitle")}</h2>
      <p>
        <Link to="/">{t("backHome")}</Link>
      </p>
    </main>
  );
}

/**
 * A page loaded when opened. `signedIn`: the staff views of the figures, which the API answers
 * only with a session (the public reads the same published figures on the public pages).
 */
function Lazy({ page, signedIn = false }: { page: ReactNode; signedIn?: boolean }) {
  const { t } = useI18n();
  const loaded = <Suspense fallback={<p className="page">{t("loading")}</p>}>{page}</Suspense>;
  return signedIn ? <RequireRole>{loaded}</RequireRole> : loaded;
}
