import { useId, type ReactNode } from "react";

interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

interface Props {
  label: string;
  error?: string | null;
  /** Marks the control invalid when the error is told elsewhere (a form-level message). */
  invalid?: boolean;
  hint?: string;
  /** Ids of further descriptions, such as a form-level error that concerns this field too. */
  describedBy?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control whose hint and error are announced with it (aria-describedby). */
export function Field({ label, error, invalid, hint, describedBy, className, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": error || invalid ? true : undefined,
        "aria-describedby": described || undefined,
      })}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
