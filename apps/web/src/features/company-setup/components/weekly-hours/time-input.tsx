import { Input } from "../../../../components/ui/input";
import { cn } from "../../../../lib/cn";
import { normaliseTime } from "./week-draft";

type Props = {
  value: string;
  onChange: (value: string) => void;
  label: string;
  invalid?: boolean;
  small?: boolean;
  id?: string;
};

/**
 * A 24-hour "HH:MM" field, tidied on blur ("930" → "09:30"). The browser's own time picker follows
 * the OS locale (often 12-hour "AM/PM"); offices in Uzbekistan read 24-hour times.
 */
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
