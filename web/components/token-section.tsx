import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import type { ApiToken, ApiTokenCreated, Items } from "../lib/account-types";
import { errorText, fieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { getJson } from "../lib/http";
import { useSession } from "../lib/session";
import { useRequest } from "../lib/use-request";
import { AgencyPicker, type AgencyChoice } from "./agency-picker";
import { Field } from "./field";
import { OneTimeSecret } from "./one-time-secret";
import { RequestView } from "./request-view";

/** API tokens for an agency's importer: create (shown once) and revoke. */
export function TokenSection() {
  const { t } = useI18n();
  const [agency, setAgency] = useState<AgencyChoice | null>(null);
  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h3 id="tokens-title">{t("apiTokens")}</h3>
      <p className="muted">{t("apiTokensHelp")}</p>
      <AgencyPicker label={t("agency")} value={agency} onChange={setAgency} />
      {agency && <AgencyTokens key={agency.id} agency={agency} />}
    </section>
  );
}

function AgencyTokens({ agency }: { agency: AgencyChoice }) {
  const { t, locale } = useI18n();
  const { send } = useSession();
  const tokens = useRequest(
    () => getJson<Items<ApiToken>>("/api/tokens", { agency_id: agency.id }),
    [agency.id],
  );
  const [name, setName] = useState("");
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      setCreated(
        await send<ApiTokenCreated>("POST", "/api/tokens", {
          agency_id: agency.id,
          name: name.trim(),
        }),
      );
      setName("");
      tokens.refresh();
    } catch (error) {
      setFailure(error);
    }
  };
  const revoke = async (token: ApiToken) => {
    setFailure(null);
    try {
      await send<void>("DELETE", `/api/tokens/${token.id}`);
      tokens.refresh();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      {created && (
        <OneTimeSecret
          title={t("tokenFor", { name: created.name })}
          value={created.token}
          onDismiss={() => setCreated(null)}
        />
      )}
      <form className="form inline-form" onSubmit={(event) => void create(event)}>
        <Field label={t("tokenName")} error={fieldErrors(failure, locale).name}>
          {(control) => (
            <input {...control} required value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <button type="submit">{t("createToken")}</button>
      </form>
      {failure !== null && (
        <p role="alert" className="notice notice-error">
          {errorText(failure, locale)}
        </p>
      )}
      <RequestView state={tokens.state} retry={tokens.retry}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t("noTokens")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("tokenName")}</th>
                  <th scope="col">{t("createdAt")}</th>
                  <th scope="col">{t("lastUsed")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((token) => (
                  <tr key={token.id} className={token.revoked_at ? "inactive" : undefined}>
                    <th scope="row">{token.name}</th>
                    <td>{formatDateTime(token.created_at, locale)}</td>
                    <td>{formatDateTime(token.last_used_at, locale)}</td>
                    <td>
                      {token.revoked_at ? (
                        t("revokedAt", { at: formatDateTime(token.revoked_at, locale) })
                      ) : (
                        <button type="button" onClick={() => void revoke(token)}>
                          {t("revoke")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </RequestView>
    </>
  );
}
