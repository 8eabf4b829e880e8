import { useState, type FormEvent } from "react";
import { unwrap } from "../api";
import { useI18n } from "../i18n";
import {
  KINDS,
  LEVELS,
  SCOPES,
  type AgencyKind,
  type AgencyLevel,
  type AgencyScope,
} from "../lib/agency-options";
import { errorText, fieldErrors } from "../lib/errors";
import { useAgencyChoice } from "../lib/use-agency-choice";
import { useApi } from "../lib/session";
import { AgencyPicker, type AgencyChoice } from "./agency-picker";
import { Field } from "./field";

export interface EditableAgency {
  id: number;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  scope: AgencyScope;
  parent_id: number | null;
  region_code: string;
}

interface Props {
  /** The agency to edit; absent to create one. */
  agency?: EditableAgency;
  onSaved: () => void;
  onCancel: () => void;
}

export function AgencyForm({ agency, onSaved, onCancel }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [name, setName] = useState(agency?.name ?? "");
  const [level, setLevel] = useState<AgencyLevel>(agency?.level ?? "county");
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? "department");
  const [scope, setScope] = useState<AgencyScope>(agency?.scope ?? "self");
  // A new agency's scope follows its kind (FORMAT §8: a government, townships included, reports
  // for its region) until chosen here; an existing agency's is changed only by hand.
  const [scopeChosen, setScopeChosen] = useState(agency !== undefined);
  const chooseKind = (next: AgencyKind) => {
    setKind(next);
    if (!scopeChosen) setScope(next === "government" ? "region" : "self");
  };
  const [regionCode, setRegionCode] = useState(agency?.region_code ?? "");
  const knownParent = useAgencyChoice(agency?.parent_id ?? null);
  const [chosenParent, setParent] = useState<AgencyChoice | null | undefined>(undefined);
  const parent = chosenParent === undefined ? knownParent : chosenParent;
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { name: name.trim(), level, kind, scope, region_code: regionCode.trim() };
    // An edit sends the parent only when it was changed here: moving an agency moves its subtree,
    // and the parent's name may still be loading.
    const moved = chosenParent !== undefined ? { parent_id: chosenParent?.id ?? null } : {};
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(
        await (agency
          ? api.agencies[":id"].$patch({
              param: { id: String(agency.id) },
              json: { ...fields, ...moved },
            })
          : api.agencies.$post({ json: { ...fields, parent_id: parent?.id ?? null } })),
      );
      onSaved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const errors = fieldErrors(failure, locale);
  const choices = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => (
      <option key={v} value={v}>
        {t(`${prefix}_${v}` as Parameters<typeof t>[0])}
      </option>
    ));

  return (
    <form
      className="form form-grid panel"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="agency-form-title"
    >
      <h3 id="agency-form-title">
        {agency ? t("editAgency", { name: agency.name }) : t("newAgency")}
      </h3>
      <Field label={t("agencyName")} error={errors.name} className="wide">
        {(c) => (
          <input {...c} required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t("level")} error={errors.level}>
        {(c) => (
          <select {...c} value={level} onChange={(e) => setLevel(e.target.value as AgencyLevel)}>
            {choices(LEVELS, "level")}
          </select>
        )}
      </Field>
      <Field label={t("kind")} error={errors.kind}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => chooseKind(e.target.value as AgencyKind)}>
            {choices(KINDS, "kind")}
          </select>
        )}
      </Field>
      <Field label={t("scope")} hint={t("scopeHint")} error={errors.scope}>
        {(c) => (
          <select
            {...c}
            value={scope}
            onChange={(e) => {
              setScope(e.target.value as AgencyScope);
              setScopeChosen(true);
            }}
          >
            {choices(SCOPES, "scope")}
          </select>
        )}
      </Field>
      <Field label={t("regionCode")} hint={t("regionCodeHint")} error={errors.region_code}>
        {(c) => (
          <input
            {...c}
            required
            inputMode="numeric"
            pattern="\d{6}"
            maxLength={6}
            value={regionCode}
            onChange={(e) => setRegionCode(e.target.value)}
          />
        )}
      </Field>
      <AgencyPicker
        label={t("parentAgency")}
        value={parent}
        onChange={setParent}
        noneLabel={t("noParent")}
        error={errors.parent_id}
      />
      {failure !== null && (
        <p role="alert" className="notice notice-error wide">
          {errorText(failure, locale)}
        </p>
      )}
      <div className="form-actions wide">
        <button type="submit" className="primary" disabled={busy}>
          {t("save")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
