// The e-form schema and the workflow steps of a draft, edited as JSON: a text that does not parse is refused here,
// a schema that does not compile or steps that break the rules come back from the API at their JSON pointer.
import type { FieldErrors } from './admin-procedure-editors';

/** The text as the value it holds, or the reason it does not parse. */
export function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `không phải JSON hợp lệ (${(e as Error).message})` };
  }
}

export const asJsonText = (value: unknown) => JSON.stringify(value, null, 2);

/** The API's faults under `field` (the field itself and any JSON pointer below it). */
function faultsUnder(errors: FieldErrors, field: string): [string, string][] {
  return Object.entries(errors).filter(([k]) => k === field || k.startsWith(`${field}/`) || k.startsWith(`${field}.`) || k.startsWith(`${field}[`));
}

export function JsonEditor({
  field,
  label,
  hint,
  text,
  onChange,
  errors,
}: {
  field: 'formSchema' | 'workflow';
  label: string;
  hint: string;
  text: string;
  onChange: (text: string) => void;
  errors: FieldErrors;
}) {
  const id = `json-${field}`;
  const faults = faultsUnder(errors, field);
  return (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={id}>{label} (JSON)</label>
        <textarea
          id={id}
          className="json"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-hint${faults.length ? ` ${id}-error` : ''}`}
          aria-invalid={faults.length > 0}
        />
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
        {faults.length > 0 && (
          <ul className="field-error" id={`${id}-error`}>
            {faults.map(([k, m]) => (
              <li key={k}>
                <code>{k}</code>: {m}
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
