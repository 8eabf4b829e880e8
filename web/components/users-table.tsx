import { useState } from "react";
import { useI18n } from "../i18n";
import type { ResetLink, UserRow } from "../lib/account-types";
import { errorText } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { useSession } from "../lib/session";
import { OneTimeSecret } from "./one-time-secret";

interface Props {
  users: UserRow[];
  onChanged: () => void;
}

type Outcome =
  | { kind: "reset"; who: string; link: ResetLink }
  | { kind: "done"; text: string }
  | { kind: "failed"; error: unknown };

export function UsersTable({ users, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { user: me, send } = useSession();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const act = async (target: UserRow, run: () => Promise<Outcome>) => {
    setBusyId(target.id);
    setOutcome(null);
    try {
      setOutcome(await run());
      onChanged();
    } catch (error) {
      setOutcome({ kind: "failed", error });
    } finally {
      setBusyId(null);
    }
  };

  const resetLink = (u: UserRow) =>
    act(u, async () => ({
      kind: "reset",
      who: u.name,
      link: await send<ResetLink>("POST", `/api/users/${u.id}/reset-link`),
    }));
  const revoke = (u: UserRow) =>
    act(u, async () => {
      await send<void>("POST", `/api/users/${u.id}/revoke-sessions`);
      return { kind: "done", text: t("sessionsRevoked", { name: u.name }) };
    });
  const toggle = (u: UserRow) =>
    act(u, async () => {
      await send<UserRow>("PATCH", `/api/users/${u.id}`, { active: !u.active });
      return {
        kind: "done",
        text: t(u.active ? "userDeactivated" : "userActivated", { name: u.name }),
      };
    });

  return (
    <>
      {outcome?.kind === "reset" && (
        <OneTimeSecret
          title={t("resetLinkFor", { name: outcome.who })}
          value={outcome.link.reset_url}
          expiresAt={outcome.link.expires_at}
          onDismiss={() => setOutcome(null)}
        />
      )}
      <p role="status" className="muted">
        {outcome?.kind === "done" && outcome.text}
      </p>
      {outcome?.kind === "failed" && (
        <p role="alert" className="notice notice-error">
          {errorText(outcome.error, locale)}
        </p>
      )}
      {users.length === 0 ? (
        <p className="empty">{t("noUsers")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("agencyOrRegion")}</th>
                <th scope="col">{t("lastLogin")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? undefined : "inactive"}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>{t(`role_${u.role}`)}</td>
                  <td>{u.agency_name ?? u.region_name ?? "—"}</td>
                  <td>{formatDateTime(u.last_login_at, locale)}</td>
                  <td>{t(u.active ? "active" : "inactive")}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      disabled={busyId === u.id}
                      onClick={() => void resetLink(u)}
                    >
                      {t("makeResetLink")}
                    </button>
                    <button type="button" disabled={busyId === u.id} onClick={() => void revoke(u)}>
                      {t("revokeSessions")}
                    </button>
                    {u.id !== me?.id && (
                      <button
                        type="button"
                        disabled={busyId === u.id}
                        onClick={() => void toggle(u)}
                      >
                        {t(u.active ? "deactivate" : "activate")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
