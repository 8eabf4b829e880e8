import { useState } from "react";
import { useI18n } from "../i18n";
import type { InferResponseType } from "hono/client";
import { unwrap, type Api } from "../api";
import type { UserRow } from "../lib/api-types";
import { errorText } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { useApi, useSession } from "../lib/session";
import { OneTimeSecret } from "./one-time-secret";
import "../styles/compact-table.css";
import { ScrollTable } from "./scroll-table";

type UserRoute = Api["users"][":id"];
type ResetLink = InferResponseType<UserRoute["reset-link"]["$post"], 201>;

interface Props {
  users: UserRow[];
  onChanged: () => void;
}

const userParam = (u: UserRow) => ({ id: String(u.id) });

type Outcome =
  | { kind: "reset"; who: string; email: string; link: ResetLink }
  | { kind: "done"; text: string }
  | { kind: "failed"; error: unknown };

export function UsersTable({ users, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { user: me } = useSession();
  const api = useApi();
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
      email: u.email,
      link: await api.users[":id"]["reset-link"].$post({ param: userParam(u) }).then(unwrap),
    }));
  const revoke = (u: UserRow) =>
    act(u, async () => {
      await api.users[":id"]["revoke-sessions"].$post({ param: userParam(u) }).then(unwrap);
      return { kind: "done", text: t("sessionsRevoked", { name: u.name }) };
    });
  const toggle = (u: UserRow) =>
    act(u, async () => {
      await api.users[":id"]
        .$patch({ param: userParam(u), json: { active: !u.active } })
        .then(unwrap);
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
          mailedTo={outcome.email}
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
        <ScrollTable label={t("userList")}>
          <table className="data-table compact-table">
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
                  <th scope="row" className="cell-words">
                    {u.name}
                  </th>
                  <td>{u.email}</td>
                  <td className="cell-words">{t(`role_${u.role}`)}</td>
                  <td>{u.agency_name ?? u.region_name ?? "—"}</td>
                  <td className="cell-words">{formatDateTime(u.last_login_at, locale)}</td>
                  <td className="cell-words">{t(u.active ? "active" : "inactive")}</td>
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
        </ScrollTable>
      )}
    </>
  );
}
