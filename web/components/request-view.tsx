import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { errorText } from "../lib/errors";
import type { RequestState } from "../lib/use-request";

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t("loading")}
    </p>
  );
}

interface ErrorProps {
  error: unknown;
  /** What failed, e.g. 加载失败; the server's own message follows. */
  prefix?: string;
  onRetry?: () => void;
  id?: string;
}

export function ErrorNotice({ error, prefix, onRetry, id }: ErrorProps) {
  const { t, locale } = useI18n();
  return (
    <p role="alert" className="notice notice-error" id={id}>
      {prefix && `${prefix}：`}
      {errorText(error, locale)}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </p>
  );
}

interface ViewProps<T> {
  state: RequestState<T>;
  retry?: () => void;
  children: (data: T) => ReactNode;
}

/** Loading and error states of a request, so pages only describe the loaded view. */
export function RequestView<T>({ state, retry, children }: ViewProps<T>) {
  const { t } = useI18n();
  if (state.kind === "loading") return <Loading />;
  if (state.kind === "error")
    return <ErrorNotice error={state.error} prefix={t("loadFailed")} onRetry={retry} />;
  return <>{children(state.data)}</>;
}
