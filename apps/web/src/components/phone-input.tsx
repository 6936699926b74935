import { Input } from "./ui/input";

/** "901234567" → "90 123 45 67": the way people write an Uzbek mobile number. */
export function formatLocalPhone(raw: string): string {
  const digits = raw
    .replace(/\D/g, "")
    .replace(/^998(?=\d{9})/, "")
    .slice(0, 9);
  const parts = [digits.slice(0, 2), digits.slice(2, 5), digits.slice(5, 7), digits.slice(7, 9)];
  return parts.filter(Boolean).join(" ");
}

/** The nine local digits as E.164 (`+998901234567`), what the API is sent. */
export const toE164 = (local: string) => `+998${local.replace(/\D/g, "")}`;

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  autoFocus?: boolean;
};

/** A phone field with the +998 prefix shown and the rest masked as "90 123 45 67". */
export function PhoneInput({ id, value, onChange, invalid, describedBy, autoFocus }: Props) {
  return (
    <div className="flex">
      <span className="inline-flex items-center rounded-l-md border border-r-0 border-zinc-300 bg-zinc-100 px-3 text-base text-zinc-700">
        +998
      </span>
      <Input
        id={id}
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        placeholder="90 123 45 67"
        required
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(formatLocalPhone(e.target.value))}
        invalid={invalid}
        aria-describedby={describedBy}
        className="h-12 rounded-l-none text-base tracking-wide"
        maxLength={12}
      />
    </div>
  );
}
