import { Button } from "./button";

/**
 * "Are you sure?" in place, for a customer's step that cannot be undone (cancel a booking, leave
 * the queue): the question, then "keep" and the red "yes" side by side on a phone's width.
 */
export function InlineConfirm(props: {
  question: string;
  keepLabel: string;
  confirmLabel: string;
  pending: boolean;
  onKeep: () => void;
  onConfirm: () => void;
}) {
  return (
    <div className="space-y-2 rounded-xl bg-red-50 p-3">
      <p className="text-sm text-red-800">{props.question}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <Button variant="secondary" className="h-12" onClick={props.onKeep}>
          {props.keepLabel}
        </Button>
        <Button variant="danger" className="h-12" loading={props.pending} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </div>
    </div>
  );
}
