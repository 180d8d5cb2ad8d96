import type { ReactNode } from 'react';

/** What a control inside {@link FormField} spreads onto itself to be labelled and described. */
export interface FormControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** The control's id; its help and error get ids derived from it. */
  id: string;
  label: ReactNode;
  /** A line under the control, e.g. what an empty field means. */
  help?: ReactNode;
  /** Why the value was refused; marks the control invalid and is read with it. */
  error?: string | undefined;
  /** Renders the control with the props that tie it to its label, help and error. */
  children: (control: FormControlProps) => ReactNode;
}

/**
 * One labelled form control with its help text and, when refused, its error
 * right under it (`data-testid="field-error"`), tied to the control with
 * `aria-describedby` so a screen reader reads it with the field.
 */
export function FormField({ id, label, help, error, children }: FormFieldProps) {
  const helpId = help === undefined ? undefined : `${id}-help`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [errorId, helpId].filter((part) => part !== undefined).join(' ') || undefined;
  return (
    <div className={`field${error === undefined ? '' : ' field-invalid'}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
      {error !== undefined && (
        <p id={errorId} className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
      {help !== undefined && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
