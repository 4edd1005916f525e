/** A labelled choice of a year (or a range such as 2023-2025) among those with data; `allLabel` adds "all years". */
export function YearSelect({
  label,
  options,
  value,
  onChange,
  allLabel,
}: {
  label: string;
  options: readonly (string | number)[];
  value: string | number | null;
  onChange: (value: string) => void;
  allLabel?: string;
}) {
  if (options.length === 0) return null;
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
