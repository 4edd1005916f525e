/** A labelled choice of one year among those with data, written to the URL as `year`. */
export function YearSelect({ label, years, year, onChange }: { label: string; years: readonly number[]; year: number | null; onChange: (year: number) => void }) {
  if (years.length === 0) return null;
  return (
    <label>
      {label}
      <select value={year ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
