/** After a failed submit: move focus (and the view) to the first field marked invalid, else to the top. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  window.requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      field.focus();
      field.scrollIntoView({ block: "center" });
    } else {
      form?.scrollIntoView({ block: "start" });
    }
  });
}
