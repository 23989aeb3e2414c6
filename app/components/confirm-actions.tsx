/**
 * The end of a deliberate step: a hint of what the press does, then its one button, which sends
 * `name=value` with the form it sits in (the closure's review, an urgent concern's confirmation).
 */
export function ConfirmActions({ hint, name, value, label }: { hint: string; name: string; value: string; label: string }) {
  return (
    <>
      <p className="hint">{hint}</p>
      <div className="actions">
        <button type="submit" name={name} value={value} className="primary">
          {label}
        </button>
      </div>
    </>
  );
}
