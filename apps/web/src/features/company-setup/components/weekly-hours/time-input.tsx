import { Input } from "../../../../components/ui/input";
import { cn } from "../../../../lib/cn";

/**
 * "0930", "9:30" or "9" → "09:30"; anything else is left for validation to flag.
 * The browser's own time picker follows the OS locale (often 12-hour "AM/PM"); offices in
 * Uzbekistan read 24-hour times, so this is a plain field that always shows HH:MM.
 */
export function normaliseTime(raw: string): string {
  const text = raw.trim();
  const m = /^(\d{1,2})(?::?(\d{2}))?$/.exec(text) ?? /^(\d{1,2}):(\d)$/.exec(text);
  if (!m) return text;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2].padEnd(2, "0"));
  if (h > 23 || min > 59) return text;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

type Props = {
  value: string;
  onChange: (value: string) => void;
  label: string;
  invalid?: boolean;
  small?: boolean;
  id?: string;
};

/** A 24-hour "HH:MM" field; tidied on blur ("930" → "09:30"). */
export function TimeInput({ value, onChange, label, invalid, small, id }: Props) {
  return (
    <Input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="09:00"
      maxLength={5}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/[^\d:]/g, ""))}
      onBlur={(e) => onChange(normaliseTime(e.target.value))}
      aria-label={label}
      invalid={invalid}
      className={cn("text-center tabular-nums", small ? "h-8! w-[4.5rem]! px-1.5!" : "w-20! px-2!")}
    />
  );
}
