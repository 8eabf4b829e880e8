import { useState, type FormEvent } from "react";
import { checkPasswordStrength } from "../../worker/auth/password";
import { Field } from "../components/field";
import { ErrorNotice, RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import type { InferResponseType } from "hono/client";
import { api as reader, unwrap, type Api } from "../api";
import { fieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { navigate } from "../lib/router";
import { useApi, useSession } from "../lib/session";
import { useRequest } from "../lib/use-request";

type Invite = Api["auth"]["invites"][":token"];
type InviteInfo = InferResponseType<Invite["$get"], 200>;

/** The token as a path parameter: the client puts it in the address as given. */
const tokenParam = (token: string) => ({ token: encodeURIComponent(token) });

interface Props {
  purpose: "invite" | "reset";
}

/** `/invite#<token>` and `/reset#<token>`: choose a password, then arrive signed in. */
export function AcceptInvitePage({ purpose }: Props) {
  const { t } = useI18n();
  const token = window.location.hash.replace(/^#/, "");
  return (
    <main className="page narrow">
      <h2>{t(purpose === "reset" ? "resetTitle" : "inviteTitle")}</h2>
      {token === "" ? (
        <p className="notice notice-error" role="alert">
          {t("linkMissingToken")}
        </p>
      ) : (
        <InviteOfToken token={token} />
      )}
    </main>
  );
}

/** The link's invitation, asked for only when the address carries a token. */
function InviteOfToken({ token }: { token: string }) {
  const { t } = useI18n();
  const invite = useRequest(
    () => reader.auth.invites[":token"].$get({ param: tokenParam(token) }).then(unwrap),
    [token],
  );
  return invite.state.kind === "error" ? (
    <>
      <ErrorNotice error={invite.state.error} />
      <p className="muted">{t("askForNewLink")}</p>
    </>
  ) : (
    <RequestView state={invite.state}>
      {(info) => <AcceptForm token={token} info={info} />}
    </RequestView>
  );
}

function AcceptForm({ token, info }: { token: string; info: InviteInfo }) {
  const { t, locale } = useI18n();
  const { adopt } = useSession();
  const api = useApi();
  const [name, setName] = useState(info.name);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isInvite = info.purpose === "invite";
  const place = info.agency_name ?? info.region_name ?? "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const strength = checkPasswordStrength(password);
    if (!strength.ok) local.password = locale === "en" ? strength.message_en : strength.message;
    if (confirm !== password) local.confirm = t("passwordMismatch");
    if (isInvite && !name.trim()) local.name = t("nameRequired");
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const body = isInvite ? { password, name: name.trim() } : { password };
      const session = await api.auth.invites[":token"].accept
        .$post({ param: tokenParam(token), json: body })
        .then(unwrap);
      adopt(session);
      // Replacing the entry also drops the token from the address bar and the history.
      navigate("/", { replace: true });
    } catch (error) {
      setErrors(fieldErrors(error, locale));
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <>
      <p className="invite-summary">
        {isInvite
          ? t("inviteSummary", {
              name: info.name,
              email: info.email,
              role: t(`role_${info.role}`),
              place,
            })
          : t("resetSummary", { email: info.email })}
        <br />
        <span className="muted">
          {t("linkExpires", { at: formatDateTime(info.expires_at, locale) })}
        </span>
      </p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <input type="email" hidden readOnly autoComplete="username" value={info.email} />
        {isInvite && (
          <Field label={t("name")} error={errors.name}>
            {(control) => (
              <input
                {...control}
                autoComplete="name"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
        )}
        <Field label={t("newPassword")} hint={t("passwordHint")} error={errors.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <Field label={t("confirmPassword")} error={errors.confirm}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
            />
          )}
        </Field>
        {failure !== null && Object.keys(errors).length === 0 && <ErrorNotice error={failure} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t(isInvite ? "acceptInvite" : "setPassword")}
          </button>
        </div>
      </form>
    </>
  );
}
