// Thin React components over the NL Design System's CSS components (@utrecht/component-library-css, themed by
// @utrecht/design-tokens). The React bundle of that library could not be installed from the registry we reach (see
// the README's Decisions), so these render the same HTML and classes it documents.
import { useId, type ReactNode, type Ref, type ButtonHTMLAttributes, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

export function Heading({ level, children, id, tabIndex, ref }: { level: 1 | 2 | 3 | 4; children: ReactNode; id?: string; tabIndex?: number; ref?: Ref<HTMLHeadingElement> }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} ref={ref} tabIndex={tabIndex} className={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead, small }: { children: ReactNode; lead?: boolean; small?: boolean }) {
  return <p className={cx("utrecht-paragraph", lead && "utrecht-paragraph--lead", small && "utrecht-paragraph--small")}>{children}</p>;
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: "primary" | "secondary" | "subtle"; busy?: boolean };

export function Button({ appearance = "secondary", busy, className, type = "button", disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled}
      aria-busy={busy || undefined}
      className={cx(
        "utrecht-button",
        `utrecht-button--${appearance}-action`,
        type === "submit" && "utrecht-button--submit",
        busy && "utrecht-button--busy",
        disabled && "utrecht-button--disabled",
        className,
      )}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group">{children}</div>;
}

/** A form field: its label, an optional description and its error next to it, wired up for screen readers. */
export function FormField({
  label,
  description,
  error,
  children,
  kind = "text",
}: {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  kind?: "text" | "checkbox";
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const input = children({ id, describedBy, invalid: Boolean(error) });
  return (
    <div className={cx("utrecht-form-field", `utrecht-form-field--${kind}`, error && "utrecht-form-field--invalid")}>
      {kind === "checkbox" ? (
        <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
          {input}{" "}
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
            {label}
          </label>
        </div>
      ) : (
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={id}>
            {label}
          </label>
        </div>
      )}
      {description ? (
        <div id={descriptionId} className="utrecht-form-field__description utrecht-form-field-description">
          {description}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="utrecht-form-field__error-message utrecht-form-field-error-message">
          {error}
        </div>
      ) : null}
      {kind === "checkbox" ? null : <div className="utrecht-form-field__input">{input}</div>}
    </div>
  );
}

export function Textbox({ invalid, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      {...rest}
      aria-invalid={invalid || undefined}
      className={cx("utrecht-textbox", "utrecht-textbox--html-input", invalid && "utrecht-textbox--invalid", className)}
    />
  );
}

export function Checkbox(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" />;
}

export function Select({ invalid, className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select
      {...rest}
      aria-invalid={invalid || undefined}
      className={cx("utrecht-select", "utrecht-select--html-select", invalid && "utrecht-select--invalid", className)}
    >
      {children}
    </select>
  );
}

export function Textarea({ invalid, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      {...rest}
      aria-invalid={invalid || undefined}
      className={cx("utrecht-textarea", "utrecht-textarea--html-textarea", invalid && "utrecht-textarea--invalid", className)}
    />
  );
}

export function Fieldset({ legend, children, error }: { legend: ReactNode; children: ReactNode; error?: string | undefined }) {
  const id = useId();
  return (
    <fieldset
      className={cx("utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", error && "utrecht-form-fieldset--invalid")}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {error ? (
        <div id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}

export function RadioOption({ name, value, checked, onChange, label, description }: { name: string; value: string; checked: boolean; onChange: (value: string) => void; label: ReactNode; description?: ReactNode }) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--radio">
      <div className="utrecht-form-field__label utrecht-form-field__label--radio">
        <input
          id={id}
          type="radio"
          name={name}
          value={value}
          checked={checked}
          onChange={() => onChange(value)}
          aria-describedby={description ? `${id}-description` : undefined}
          className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
        />{" "}
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div id={`${id}-description`} className="utrecht-form-field__description utrecht-form-field-description">
          {description}
        </div>
      ) : null}
    </div>
  );
}

export function Alert({ type, children, role }: { type: "info" | "ok" | "warning" | "error"; children: ReactNode; role?: "alert" | "status" }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function StatusBadge({ status, children }: { status: "danger" | "warning" | "safe" | "neutral" | "active" | "inactive"; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>;
}

export function DataList({ items }: { items: { key: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((item, index) => (
        <div className="utrecht-data-list__item" key={index}>
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Table({ caption, head, children }: { caption: ReactNode; head: { label: ReactNode; numeric?: boolean }[]; children: ReactNode }) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline" tabIndex={0} role="group" aria-label={typeof caption === "string" ? caption : undefined}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {head.map((column, index) => (
              <th key={index} scope="col" className={cx("utrecht-table__header-cell", column.numeric && "utrecht-table__header-cell--numeric")}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function Cell({ children, numeric, header }: { children?: ReactNode; numeric?: boolean; header?: boolean }) {
  const className = cx(header ? "utrecht-table__header-cell" : "utrecht-table__cell", numeric && (header ? "utrecht-table__header-cell--numeric" : "utrecht-table__cell--numeric"));
  return header ? (
    <th scope="row" className={className}>
      {children}
    </th>
  ) : (
    <td className={className}>{children}</td>
  );
}
