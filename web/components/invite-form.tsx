import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import type { InferRequestType, InferResponseType } from "hono/client";
import { unwrap, type Api } from "../api";
import type { Role } from "../lib/api-types";
import { errorText, fieldErrors } from "../lib/errors";
import { useApi, useSession } from "../lib/session";
import { AgencyPicker, type AgencyChoice } from "./agency-picker";
import { Field } from "./field";
import { OneTimeSecret } from "./one-time-secret";

type InviteRequest = InferRequestType<Api["invites"]["$post"]>["json"];
type InviteCreated = InferResponseType<Api["invites"]["$post"], 201>;

interface Props {
  onInvited: () => void;
}

/** Invites a user; a reviewer may only invite submitters of agencies inside their region. */
export function InviteForm({ onInvited }: Props) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const api = useApi();
  const isAdmin = user?.role === "admin";
  const [role, setRole] = useState<Role>("submitter");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [agency, setAgency] = useState<AgencyChoice | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<(InviteCreated & { who: string; email: string }) | null>(
    null,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (role === "submitter" && !agency) local.agency_id = t("agencyRequired");
    if (role === "reviewer" && !agency) local.region_agency_id = t("regionRequired");
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    const body: InviteRequest = { email: email.trim(), name: name.trim(), role };
    if (role === "submitter") body.agency_id = agency?.id;
    if (role === "reviewer") body.region_agency_id = agency?.id;
    setBusy(true);
    try {
      const result = await api.invites.$post({ json: body }).then(unwrap);
      setCreated({ ...result, who: body.name || body.email, email: body.email });
      setEmail("");
      setName("");
      onInvited();
    } catch (error) {
      setErrors(fieldErrors(error, locale));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h3 id="invite-title">{t("inviteUser")}</h3>
      {created && (
        <OneTimeSecret
          title={t("inviteLinkFor", { name: created.who })}
          value={created.invite_url}
          expiresAt={created.expires_at}
          mailedTo={created.email}
          onDismiss={() => setCreated(null)}
        />
      )}
      <form className="form form-grid" onSubmit={(event) => void submit(event)}>
        <Field label={t("role")} error={errors.role}>
          {(control) => (
            <select
              {...control}
              value={role}
              disabled={!isAdmin}
              onChange={(event) => {
                setRole(event.target.value as Role);
                setAgency(null);
              }}
            >
              {(isAdmin
                ? (["submitter", "reviewer", "admin"] as const)
                : (["submitter"] as const)
              ).map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("email")} error={errors.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label={t("name")} error={errors.name}>
          {(control) => (
            <input {...control} required value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        {role !== "admin" && (
          <AgencyPicker
            label={role === "reviewer" ? t("region") : t("agency")}
            value={agency}
            onChange={setAgency}
            under={isAdmin ? null : user?.region_agency_id}
            governmentsOnly={role === "reviewer"}
            error={role === "reviewer" ? errors.region_agency_id : errors.agency_id}
          />
        )}
        {failure !== null && Object.keys(errors).length === 0 && (
          <p role="alert" className="notice notice-error">
            {errorText(failure, locale)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t("sendInvite")}
          </button>
        </div>
      </form>
    </section>
  );
}
