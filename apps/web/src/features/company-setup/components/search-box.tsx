import { Input } from "../../../components/ui/input";

/** The search field above a list, labelled for screen readers. */
export function SearchBox(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <div className="min-w-56 flex-1">
      <label htmlFor={props.id} className="sr-only">
        {props.label}
      </label>
      <Input
        id={props.id}
        type="search"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
      />
    </div>
  );
}
