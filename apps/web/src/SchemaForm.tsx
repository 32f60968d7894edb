// The e-form generated from a procedure's JSON Schema: objects become fieldsets, scalar properties become inputs
// labelled with their `title`. Validation runs here (Vietnamese messages) and the server's 422 errors are shown
// next to the same fields (paths like `form.treEm.hoTen`).
import { useId } from 'react';

export type Schema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: unknown;
};
export type Values = Record<string, any>;
export type Errors = Record<string, string>;

const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? (s.properties ? 'object' : s.enum ? 'string' : 'string');

function isEmpty(v: unknown): boolean {
  // An unticked box is no answer yet: an optional group holding only that is still "not filled in".
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (typeof v === 'object') return Object.values(v as object).every(isEmpty);
  return false;
}

/** Removes empty strings and empty optional objects so the body matches the schema's shape. */
export function clean(schema: Schema, value: any): any {
  if (typeOf(schema) !== 'object') return value === '' ? undefined : value;
  const out: Values = {};
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const v = clean(sub, value?.[key]);
    if (v === undefined) continue;
    if (typeOf(sub) === 'object' && isEmpty(v) && !(schema.required ?? []).includes(key)) continue;
    out[key] = v;
  }
  // An unticked box means "no": a required yes/no question is sent as false rather than missing.
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (typeOf(sub) === 'boolean' && (schema.required ?? []).includes(key) && out[key] === undefined) out[key] = false;
  }
  return out;
}

const label = (s: Schema, key: string) => s.title ?? key;

/** Properties in display order: JSONB storage loses key order, but the `required` array keeps it. */
export function orderedProps(s: Schema): [string, Schema][] {
  const props = s.properties ?? {};
  const req = (s.required ?? []).filter((k) => k in props);
  return [...req.map((k) => [k, props[k]] as [string, Schema]), ...Object.entries(props).filter(([k]) => !req.includes(k))];
}

export function validate(schema: Schema, value: any, path = ''): Errors {
  const errors: Errors = {};
  const props = schema.properties ?? {};
  const required = schema.required ?? [];
  for (const [key, sub] of Object.entries(props)) {
    const p = path ? `${path}.${key}` : key;
    const v = value?.[key];
    const t = typeOf(sub);
    if (t === 'object') {
      if (isEmpty(v) && !required.includes(key)) continue;
      Object.assign(errors, validate(sub, v ?? {}, p));
      continue;
    }
    if (t === 'boolean') continue; // unticked is a valid answer (false)
    if (v === undefined || v === null || v === '') {
      const name = label(sub, key);
      if (required.includes(key)) errors[p] = `Vui lòng ${sub.enum ? 'chọn' : 'nhập'} ${name.charAt(0).toLowerCase()}${name.slice(1)}.`;
      continue;
    }
    if (t === 'integer' || t === 'number') {
      const n = Number(v);
      if (!Number.isFinite(n) || (t === 'integer' && !Number.isInteger(n))) errors[p] = 'Vui lòng nhập một số nguyên.';
      else if (sub.minimum !== undefined && n < sub.minimum) errors[p] = `Giá trị nhỏ nhất là ${sub.minimum}.`;
      else if (sub.maximum !== undefined && n > sub.maximum) errors[p] = `Giá trị lớn nhất là ${sub.maximum}.`;
      continue;
    }
    if (t === 'string' && typeof v === 'string') {
      if (sub.minLength && v.trim().length < sub.minLength) errors[p] = `Vui lòng nhập ít nhất ${sub.minLength} ký tự.`;
      else if (sub.maxLength && v.length > sub.maxLength) errors[p] = `Tối đa ${sub.maxLength} ký tự.`;
      else if (sub.enum && !sub.enum.includes(v)) errors[p] = 'Vui lòng chọn một giá trị trong danh sách.';
      else if (sub.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) errors[p] = 'Địa chỉ thư điện tử không hợp lệ.';
      else if (sub.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) errors[p] = 'Ngày không hợp lệ.';
      else if (sub.pattern && !new RegExp(sub.pattern).test(v)) errors[p] = patternMessage(sub, key);
    }
  }
  // anyOf of `required` lists (e.g. "the mother or the father"): at least one alternative must be filled in.
  const alternatives = (schema.anyOf ?? []).map((a) => a.required ?? []).filter((r) => r.length);
  if (alternatives.length && !alternatives.some((req) => req.every((k) => !isEmpty(value?.[k])))) {
    const names = alternatives.map((req) => req.map((k) => props[k]?.title ?? k).join(', '));
    errors[path ? `${path}.__anyOf` : '__anyOf'] = `Vui lòng khai ít nhất một trong các mục: ${names.join('; ')}.`;
  }
  return errors;
}

function patternMessage(s: Schema, key: string): string {
  const t = (s.title ?? key).toLowerCase();
  if (/điện thoại/.test(t)) return 'Số điện thoại di động không hợp lệ (10 số, bắt đầu bằng 03, 05, 07, 08, 09).';
  if (/định danh|cccd|căn cước/.test(t)) return 'Số định danh cá nhân gồm đúng 12 chữ số.';
  return `${s.title ?? key} không đúng định dạng.`;
}

/** Server messages (ajv / class-validator, English) in Vietnamese where we recognise them. */
export function serverMessage(msg: string): string {
  if (/is required|should not be empty|must be defined/i.test(msg)) return 'Thông tin này là bắt buộc.';
  if (/fewer than|longer than or equal|minLength/i.test(msg)) return 'Thông tin quá ngắn.';
  if (/more than|shorter than or equal/i.test(msg)) return 'Thông tin quá dài.';
  if (/must match pattern|must match format/i.test(msg)) return 'Thông tin không đúng định dạng.';
  if (/has no file/i.test(msg))
    return `Thiếu tệp của thành phần hồ sơ bắt buộc: ${msg.replace(/^.*component\s+\S+\s+\(?/, '').replace(/\)?\s*has no file.*$/, '')}.`;
  return `Không hợp lệ: ${msg}`;
}

function setIn(obj: Values, path: string[], v: unknown): Values {
  const [head, ...rest] = path;
  const copy = { ...(obj ?? {}) };
  copy[head] = rest.length ? setIn(copy[head] ?? {}, rest, v) : v;
  return copy;
}

interface Props {
  schema: Schema;
  value: Values;
  onChange: (v: Values) => void;
  errors: Errors;
  idPrefix?: string;
}

export function SchemaForm({ schema, value, onChange, errors }: Props) {
  const uid = useId();
  return (
    <div className="schema-form">
      {errors['__anyOf'] && (
        <p className="field-error" role="alert">
          {errors['__anyOf']}
        </p>
      )}
      <ObjectFields schema={schema} path={[]} value={value} errors={errors} uid={uid} set={(p, v) => onChange(setIn(value, p, v))} />
    </div>
  );
}

function ObjectFields({
  schema,
  path,
  value,
  errors,
  uid,
  set,
}: {
  schema: Schema;
  path: string[];
  value: Values;
  errors: Errors;
  uid: string;
  set: (p: string[], v: unknown) => void;
}) {
  const required = schema.required ?? [];
  return (
    <>
      {orderedProps(schema).map(([key, sub]) => {
        const p = [...path, key];
        const dotted = p.join('.');
        if (typeOf(sub) === 'object') {
          return (
            <fieldset key={key} className="fieldset">
              <legend>
                {label(sub, key)}
                {!required.includes(key) && <span className="muted"> (nếu có)</span>}
              </legend>
              {sub.description && <p className="muted">{sub.description}</p>}
              {errors[`${dotted}.__anyOf`] && <p className="field-error">{errors[`${dotted}.__anyOf`]}</p>}
              <ObjectFields schema={sub} path={p} value={value?.[key] ?? {}} errors={errors} uid={uid} set={set} />
            </fieldset>
          );
        }
        return (
          <Field
            key={key}
            schema={sub}
            name={key}
            id={`${uid}-${dotted}`}
            required={required.includes(key)}
            value={value?.[key]}
            error={errors[dotted]}
            onChange={(v) => set(p, v)}
          />
        );
      })}
    </>
  );
}

function Field({
  schema,
  name,
  id,
  required,
  value,
  error,
  onChange,
}: {
  schema: Schema;
  name: string;
  id: string;
  required: boolean;
  value: any;
  error?: string;
  onChange: (v: unknown) => void;
}) {
  const t = typeOf(schema);
  const errId = `${id}-err`;
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errId : undefined, 'aria-required': required || undefined };
  let input;
  if (t === 'boolean') {
    return (
      <div className={`field field-check${error ? ' has-error' : ''}`}>
        <input type="checkbox" {...common} checked={!!value} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label(schema, name)}</label>
        {error && (
          <p className="field-error" id={errId}>
            {error}
          </p>
        )}
      </div>
    );
  }
  if (schema.enum) {
    input = (
      <select
        {...common}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : t === 'integer' || t === 'number' ? Number(e.target.value) : e.target.value)}
      >
        <option value="">— Chọn —</option>
        {schema.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (t === 'integer' || t === 'number') {
    input = (
      <input
        type="number"
        inputMode="numeric"
        {...common}
        min={schema.minimum}
        max={schema.maximum}
        step={t === 'integer' ? 1 : 'any'}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else if (schema.format === 'date') {
    input = <input type="date" {...common} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const long = (schema.maxLength ?? 0) > 300;
    const type = schema.format === 'email' ? 'email' : /điện thoại/i.test(schema.title ?? '') ? 'tel' : 'text';
    input = long ? (
      <textarea {...common} rows={3} maxLength={schema.maxLength} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
    ) : (
      <input
        type={type}
        {...common}
        maxLength={schema.maxLength}
        inputMode={schema.pattern && /\[0-9\]/.test(schema.pattern) ? 'numeric' : undefined}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label(schema, name)}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {input}
      {error && (
        <p className="field-error" id={errId}>
          {error}
        </p>
      )}
    </div>
  );
}
