import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import type { InferResponseType } from "hono/client";
import { query, unwrap, type Api } from "../api";
import { errorText, fieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { useApi } from "../lib/session";
import { useRequest } from "../lib/use-request";
import { AgencyPicker, type AgencyChoice } from "./agency-picker";
import { Field } from "./field";
import { OneTimeSecret } from "./one-time-secret";
import { RequestView } from "./request-view";

type ApiToken = InferResponseType<Api["tokens"]["$get"], 200>["items"][number];
type ApiTokenCreated = InferResponseType<Api["tokens"]["$post"], 201>;

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
  const api = useApi();
  const tokens = useRequest(
    () => api.tokens.$get({ query: query({ agency_id: agency.id }) }).then(unwrap),
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
        await api.tokens.$post({ json: { agency_id: agency.id, name: name.trim() } }).then(unwrap),
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
      await api.tokens[":id"].$delete({ param: { id: String(token.id) } }).then(unwrap);
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
