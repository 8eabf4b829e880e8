import { InviteForm } from "../components/invite-form";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { TokenSection } from "../components/token-section";
import { UsersTable } from "../components/users-table";
import { useI18n } from "../i18n";
import { api, unwrap } from "../api";
import { useSession } from "../lib/session";
import { useRequest } from "../lib/use-request";

/** `/admin/users`: administrators manage everyone; reviewers the submitters of their region. */
export function UsersPage() {
  return (
    <RequireRole roles={["admin", "reviewer"]}>
      <Users />
    </RequireRole>
  );
}

function Users() {
  const { t } = useI18n();
  const { user } = useSession();
  const users = useRequest(() => api.users.$get().then(unwrap), []);
  return (
    <main className="page">
      <h2>{t("navUsers")}</h2>
      {user?.role === "reviewer" && (
        <p className="muted">{t("reviewerUsersHelp", { region: user.region_name ?? "" })}</p>
      )}
      <InviteForm onInvited={users.refresh} />
      <section className="panel" aria-labelledby="users-title">
        <h3 id="users-title">{t("userList")}</h3>
        <RequestView state={users.state} retry={users.retry}>
          {({ items }) => <UsersTable users={items} onChanged={users.refresh} />}
        </RequestView>
      </section>
      {user?.role === "admin" && <TokenSection />}
    </main>
  );
}
