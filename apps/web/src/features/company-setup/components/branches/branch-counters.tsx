import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { PageSpinner } from "../../../../components/ui/spinner";
import { Table, TBody, THead, Td, Th, Tr } from "../../../../components/ui/table";
import type { Counter } from "../../api/types";
import { useCounterCommands, useCounters } from "../../hooks/use-counters";
import { FormSection } from "../form-section";
import { useSetupError } from "../use-setup-error";

type Pending = { counter: Counter; action: "deactivate" | "delete" };

/** The counters ("oyna") of a branch: add, rename or renumber, deactivate, delete. */
export function BranchCounters({ slug, branchId }: { slug: string; branchId: string }) {
  const { t } = useTranslation();
  const explain = useSetupError();
  const list = useCounters(slug, branchId);
  const { create, update, remove } = useCounterCommands(slug, branchId);
  const counters = [...(list.data ?? [])].sort((a, b) => a.number - b.number);
  const nextNumber = counters.reduce((max, c) => Math.max(max, c.number), 0) + 1;
  const [number, setNumber] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<{ id: string; number: string; name: string } | null>(null);
  const [editErrors, setEditErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const shownNumber = number ?? String(nextNumber);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const n = Number(shownNumber);
    if (!Number.isInteger(n) || n < 1 || n > 999) {
      setErrors({ number: t("setup.counters.numberInvalid") });
      return;
    }
    try {
      await create.mutateAsync({ number: n, name: name.trim() || null });
      setErrors({});
      setNumber(null);
      setName("");
    } catch (e) {
      setErrors(explainCounter(e, n));
    }
  };

  /** A duplicate number is shown at the number field, in the person's language. */
  const explainCounter = (e: unknown, n: number) => {
    const { fields, message } = explain(e, {
      number: t("setup.counters.duplicate", { number: n }),
    });
    return Object.keys(fields).length ? fields : { form: message };
  };

  const saveEdit = async () => {
    if (!editing) return;
    const n = Number(editing.number);
    if (!Number.isInteger(n) || n < 1 || n > 999) {
      setEditErrors({ number: t("setup.counters.numberInvalid") });
      return;
    }
    try {
      await update.mutateAsync({
        id: editing.id,
        patch: { number: n, name: editing.name.trim() || null },
      });
      setEditing(null);
      setEditErrors({});
    } catch (e) {
      setEditErrors(explainCounter(e, n));
    }
  };

  const confirm = () => {
    if (!pending) return;
    const done = { onSuccess: () => setPending(null) };
    if (pending.action === "delete") remove.mutate(pending.counter.id, done);
    else update.mutate({ id: pending.counter.id, patch: { active: false } }, done);
  };
  const confirmError = pending?.action === "delete" ? remove.error : update.error;

  return (
    <FormSection title={t("setup.counters.title")} hint={t("setup.counters.hint")}>
      <form
        noValidate
        onSubmit={add}
        className="flex flex-wrap items-start gap-3"
        data-testid="counter-add"
      >
        <Field id="counter-number" label={t("setup.counters.number")} error={errors.number}>
          <Input
            id="counter-number"
            type="number"
            inputMode="numeric"
            min={1}
            max={999}
            value={shownNumber}
            invalid={Boolean(errors.number)}
            onChange={(e) => {
              setNumber(e.target.value);
              setErrors({});
            }}
            className="w-28!"
          />
        </Field>
        <Field
          id="counter-name"
          label={t("setup.counters.name")}
          error={errors.name}
          className="min-w-48 flex-1"
        >
          <Input
            id="counter-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("setup.counters.namePlaceholder")}
          />
        </Field>
        <Button type="submit" loading={create.isPending} className="mt-6.5">
          {t("setup.counters.add")}
        </Button>
        {errors.form && (
          <p role="alert" className="w-full text-sm text-red-700">
            {errors.form}
          </p>
        )}
      </form>
      {list.isPending ? (
        <PageSpinner />
      ) : counters.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-4 py-5 text-center text-sm text-zinc-500">
          {t("setup.counters.empty")}
        </p>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("setup.counters.number")}</Th>
              <Th>{t("setup.counters.name")}</Th>
              <Th>{t("setup.common.status")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </Tr>
          </THead>
          <TBody>
            {counters.map((c) =>
              editing?.id === c.id ? (
                <Tr key={c.id} data-testid={`counter-row-${c.number}`}>
                  <Td>
                    <Input
                      type="number"
                      aria-label={t("setup.counters.number")}
                      value={editing.number}
                      invalid={Boolean(editErrors.number)}
                      onChange={(e) => setEditing({ ...editing, number: e.target.value })}
                      className="w-24!"
                    />
                  </Td>
                  <Td>
                    <Input
                      aria-label={t("setup.counters.name")}
                      value={editing.name}
                      onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                    />
                    {(editErrors.number ?? editErrors.form) && (
                      <p role="alert" className="mt-1 text-sm text-red-700">
                        {editErrors.number ?? editErrors.form}
                      </p>
                    )}
                  </Td>
                  <Td />
                  <Td className="text-right whitespace-nowrap">
                    <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                      {t("common.cancel")}
                    </Button>
                    <Button size="sm" onClick={() => void saveEdit()} loading={update.isPending}>
                      {t("common.save")}
                    </Button>
                  </Td>
                </Tr>
              ) : (
                <Tr key={c.id} data-testid={`counter-row-${c.number}`}>
                  <Td className="font-semibold text-zinc-900 tabular-nums">
                    {t("setup.counters.label", { number: c.number })}
                  </Td>
                  <Td>{c.name ?? <span className="text-zinc-400">{t("common.none")}</span>}</Td>
                  <Td>
                    <Badge tone={c.active ? "green" : "gray"} dot>
                      {c.active ? t("setup.common.active") : t("setup.common.inactive")}
                    </Badge>
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        setEditErrors({});
                        setEditing({ id: c.id, number: String(c.number), name: c.name ?? "" });
                      }}
                    >
                      {t("setup.common.edit")}
                    </Button>
                    {c.active ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setPending({ counter: c, action: "deactivate" })}
                      >
                        {t("setup.common.deactivate")}
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => update.mutate({ id: c.id, patch: { active: true } })}
                      >
                        {t("setup.common.activate")}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="dangerGhost"
                      onClick={() => setPending({ counter: c, action: "delete" })}
                    >
                      {t("setup.common.delete")}
                    </Button>
                  </Td>
                </Tr>
              ),
            )}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.action === "delete"
            ? t("setup.counters.deleteTitle", { number: pending.counter.number })
            : t("setup.counters.deactivateTitle", { number: pending?.counter.number ?? "" })
        }
        description={
          pending?.action === "delete"
            ? t("setup.counters.deleteText")
            : t("setup.counters.deactivateText")
        }
        confirmLabel={
          pending?.action === "delete" ? t("setup.common.delete") : t("setup.common.deactivate")
        }
        tone="danger"
        pending={remove.isPending || update.isPending}
        error={confirmError ? explain(confirmError).message : null}
        onClose={() => {
          setPending(null);
          remove.reset();
          update.reset();
        }}
        onConfirm={confirm}
      />
    </FormSection>
  );
}
