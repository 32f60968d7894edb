import { ReactNode, useEffect, useId, useRef } from 'react';

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ text = 'Đang tải…' }: { text?: string }) {
  return (
    <p className="muted" role="status">
      {text}
    </p>
  );
}

export function StatusBadge({ status, name }: { status: string; name?: string }) {
  return <span className={`badge st-${status}`}>{name ?? status}</span>;
}

/** A modal dialog (native <dialog>: focus trap, Escape to close). */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Cổng dịch vụ công Hà Nội`;
  }, [title]);
}
