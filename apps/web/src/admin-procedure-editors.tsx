// The parts of a procedure draft an administrator edits on the page: fees, statutory time, components. Each input
// carries its own label; a field the server refused (422) is marked with the server's message under it.
import { fmtDateTime, fmtVnd } from './api';

export interface Fee {
  code: string;
  kind: 'fee' | 'charge';
  name: string;
  basis: 'fixed' | 'per_copy';
  amountVnd: number;
  copiesField?: string;
  payment: 'before' | 'after';
  [k: string]: unknown;
}
export interface Component {
  code: string;
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
  required: boolean;
  [k: string]: unknown;
}
export interface Time {
  workingDays?: number;
  workingHours?: number;
  sameDay?: boolean;
}
export type FieldErrors = Record<string, string>;

function Problem({ id, errors, field }: { id: string; errors: FieldErrors; field: string }) {
  return errors[field] ? (
    <p className="field-error" id={`${id}-error`}>
      {errors[field]}
    </p>
  ) : null;
}
const described = (id: string, errors: FieldErrors, field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

export function FeesEditor({ fees, onChange, errors }: { fees: Fee[]; onChange: (f: Fee[]) => void; errors: FieldErrors }) {
  const set = (i: number, patch: Partial<Fee>) => onChange(fees.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="fieldset">
      <legend>Phí, lệ phí</legend>
      {errors.fees && <p className="field-error">{errors.fees}</p>}
      {fees.length === 0 && <p className="muted">Thủ tục không thu phí, lệ phí.</p>}
      {fees.map((f, i) => {
        const id = `fee-${i}`;
        return (
          <div key={i} className="fieldset" role="group" aria-label={`Khoản thu ${i + 1}`}>
            <div className="grid2">
              <div className="field">
                <label htmlFor={`${id}-name`}>Tên khoản thu {i + 1}</label>
                <input
                  id={`${id}-name`}
                  value={f.name}
                  onChange={(e) => set(i, { name: e.target.value })}
                  {...described(`${id}-name`, errors, `fees[${i}].name`)}
                />
                <Problem id={`${id}-name`} errors={errors} field={`fees[${i}].name`} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-amount`}>Số tiền khoản thu {i + 1} (đồng)</label>
                <input
                  id={`${id}-amount`}
                  type="number"
                  min={0}
                  step={1000}
                  value={Number.isFinite(f.amountVnd) ? f.amountVnd : ''}
                  onChange={(e) => set(i, { amountVnd: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                  {...described(`${id}-amount`, errors, `fees[${i}].amountVnd`)}
                />
                <Problem id={`${id}-amount`} errors={errors} field={`fees[${i}].amountVnd`} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-kind`}>Loại khoản thu {i + 1}</label>
                <select id={`${id}-kind`} value={f.kind} onChange={(e) => set(i, { kind: e.target.value as Fee['kind'] })}>
                  <option value="fee">Phí</option>
                  <option value="charge">Lệ phí</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-basis`}>Cách tính khoản thu {i + 1}</label>
                <select
                  id={`${id}-basis`}
                  value={f.basis}
                  onChange={(e) => set(i, { basis: e.target.value as Fee['basis'], ...(e.target.value === 'fixed' ? { copiesField: undefined } : {}) })}
                >
                  <option value="fixed">Một lần cho hồ sơ</option>
                  <option value="per_copy">Theo số bản</option>
                </select>
              </div>
              {f.basis === 'per_copy' && (
                <div className="field">
                  <label htmlFor={`${id}-copies`}>Trường tờ khai ghi số bản (khoản thu {i + 1})</label>
                  <input
                    id={`${id}-copies`}
                    value={f.copiesField ?? ''}
                    onChange={(e) => set(i, { copiesField: e.target.value })}
                    {...described(`${id}-copies`, errors, `fees[${i}].copiesField`)}
                  />
                  <Problem id={`${id}-copies`} errors={errors} field={`fees[${i}].copiesField`} />
                </div>
              )}
              <div className="field">
                <label htmlFor={`${id}-payment`}>Thời điểm nộp khoản thu {i + 1}</label>
                <select id={`${id}-payment`} value={f.payment} onChange={(e) => set(i, { payment: e.target.value as Fee['payment'] })}>
                  <option value="before">Trước khi giải quyết</option>
                  <option value="after">Khi nhận kết quả</option>
                </select>
              </div>
            </div>
            <button type="button" className="danger" onClick={() => onChange(fees.filter((_, j) => j !== i))}>
              Xóa khoản thu {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...fees, { code: `FEE_${fees.length + 1}`, kind: 'charge', name: '', basis: 'fixed', amountVnd: 0, payment: 'before' }])}
      >
        Thêm khoản thu
      </button>
    </fieldset>
  );
}

export function TimeEditor({ time, onChange, errors }: { time: Time; onChange: (t: Time) => void; errors: FieldErrors }) {
  const hours = time.workingHours !== undefined;
  const value = hours ? time.workingHours : time.workingDays;
  const field = hours ? 'processingTime.workingHours' : 'processingTime.workingDays';
  const emit = (unit: 'days' | 'hours', n: number) =>
    onChange({ ...(unit === 'hours' ? { workingHours: n } : { workingDays: n }), ...(time.sameDay ? { sameDay: true } : {}) });
  return (
    <fieldset className="fieldset">
      <legend>Thời hạn giải quyết</legend>
      <div className="grid2">
        <div className="field">
          <label htmlFor="time-value">Thời hạn</label>
          <input
            id="time-value"
            type="number"
            min={0}
            step={hours ? 1 : 0.25}
            value={value ?? ''}
            onChange={(e) => emit(hours ? 'hours' : 'days', e.target.value === '' ? Number.NaN : Number(e.target.value))}
            {...described('time-value', errors, field)}
          />
          <Problem id="time-value" errors={errors} field={field} />
          {errors.processingTime && <p className="field-error">{errors.processingTime}</p>}
        </div>
        <div className="field">
          <label htmlFor="time-unit">Đơn vị thời hạn</label>
          <select id="time-unit" value={hours ? 'hours' : 'days'} onChange={(e) => emit(e.target.value as 'days' | 'hours', value ?? 1)}>
            <option value="days">Ngày làm việc</option>
            <option value="hours">Giờ làm việc</option>
          </select>
        </div>
      </div>
      <div className="field-check">
        <input
          id="time-same-day"
          type="checkbox"
          checked={Boolean(time.sameDay)}
          onChange={(e) => onChange({ ...time, sameDay: e.target.checked || undefined })}
          {...described('time-same-day', errors, 'processingTime.sameDay')}
        />
        <label htmlFor="time-same-day">Giải quyết trong ngày (áp dụng giờ tiếp nhận sớm hơn buổi chiều)</label>
        <Problem id="time-same-day" errors={errors} field="processingTime.sameDay" />
      </div>
    </fieldset>
  );
}

export function ComponentsEditor({ components, onChange, errors }: { components: Component[]; onChange: (c: Component[]) => void; errors: FieldErrors }) {
  const set = (i: number, patch: Partial<Component>) => onChange(components.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const count = (i: number, key: 'originals' | 'certifiedCopies' | 'photocopies', label: string) => {
    const id = `comp-${i}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>
          {label} (giấy tờ {i + 1})
        </label>
        <input
          id={id}
          type="number"
          min={0}
          max={99}
          value={Number.isFinite(components[i][key]) ? components[i][key] : ''}
          onChange={(e) => set(i, { [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
          {...described(id, errors, `components[${i}].${key}`)}
        />
        <Problem id={id} errors={errors} field={`components[${i}].${key}`} />
      </div>
    );
  };
  return (
    <fieldset className="fieldset">
      <legend>Thành phần hồ sơ</legend>
      {components.map((c, i) => (
        <div key={i} className="fieldset" role="group" aria-label={`Giấy tờ ${i + 1}`}>
          <div className="field">
            <label htmlFor={`comp-${i}-name`}>Tên giấy tờ {i + 1}</label>
            <input
              id={`comp-${i}-name`}
              value={c.name}
              onChange={(e) => set(i, { name: e.target.value })}
              {...described(`comp-${i}-name`, errors, `components[${i}].name`)}
            />
            <Problem id={`comp-${i}-name`} errors={errors} field={`components[${i}].name`} />
          </div>
          <div className="grid2">
            {count(i, 'originals', 'Số bản chính')}
            {count(i, 'certifiedCopies', 'Số bản sao chứng thực')}
            {count(i, 'photocopies', 'Số bản photo')}
          </div>
          <div className="field-check">
            <input id={`comp-${i}-required`} type="checkbox" checked={c.required} onChange={(e) => set(i, { required: e.target.checked })} />
            <label htmlFor={`comp-${i}-required`}>Giấy tờ {i + 1} bắt buộc</label>
          </div>
          <button type="button" className="danger" onClick={() => onChange(components.filter((_, j) => j !== i))}>
            Xóa giấy tờ {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([...components, { code: `GT${components.length + 1}`, name: '', originals: 1, certifiedCopies: 0, photocopies: 0, required: true }])
        }
      >
        Thêm giấy tờ
      </button>
    </fieldset>
  );
}

const timeText = (t: Time) =>
  `${t.workingHours !== undefined ? `${t.workingHours} giờ làm việc` : `${t.workingDays} ngày làm việc`}${t.sameDay ? ', trong ngày' : ''}`;

/** The draft as the citizen would read it once published, and the deadline of a sample receipt. */
export function PreviewView({ preview }: { preview: any }) {
  const p = preview.procedure;
  return (
    <section aria-labelledby="preview-title" className="fieldset">
      <h2 id="preview-title">Xem trước: công dân sẽ thấy (phiên bản {p.version})</h2>
      <dl className="facts">
        <div>
          <dt>Thủ tục</dt>
          <dd>
            {p.name} ({p.code})
          </dd>
        </div>
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>{timeText(p.processingTime)}</dd>
        </div>
        <div>
          <dt>Hồ sơ tiếp nhận lúc</dt>
          <dd>{fmtDateTime(preview.deadline.receivedAt)}</dd>
        </div>
        <div>
          <dt>Hẹn trả kết quả</dt>
          <dd data-testid="preview-due">{fmtDateTime(preview.deadline.dueAt)}</dd>
        </div>
        <div className="nested">
          <dt>Phí, lệ phí</dt>
          <dd>
            {p.fees.length === 0 ? (
              'Không thu'
            ) : (
              <ul>
                {p.fees.map((f: Fee) => (
                  <li key={f.code}>
                    {f.name}: {fmtVnd(f.amountVnd)}
                    {f.basis === 'per_copy' ? ' mỗi bản' : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="nested">
          <dt>Thành phần hồ sơ</dt>
          <dd>
            <ul>
              {p.components.map((c: Component) => (
                <li key={c.code}>
                  {c.name}: {c.originals} bản chính, {c.certifiedCopies} bản sao chứng thực, {c.photocopies} bản photo{c.required ? '' : ' (nếu có)'}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <h3>Các bước xử lý</h3>
      <ol>
        {preview.steps.map((s: any) => (
          <li key={s.code}>
            {s.name}: {s.sharePercent}% thời hạn ({s.workingHours} giờ làm việc)
          </li>
        ))}
      </ol>
    </section>
  );
}
