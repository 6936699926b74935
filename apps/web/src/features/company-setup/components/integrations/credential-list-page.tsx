import type { UseMutationResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import { useSetupError } from "../use-setup-error";
import { SecretDialog } from "./secret-card";

type TextKey = "title" | "subtitle" | "new" | "empty" | "emptyHint" | "secretTitle" | "secretText";

/** What a create form needs from the page that opens it. */
export type CreateFormProps<I> = {
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: I) => void;
};

/**
 * A company's credentials for other systems (API keys, webhooks): the list with an add button,
 * the create form, the secret shown once after it, and the confirmation before one is ended
 * (revoked, removed). The i18n `section` (`setup.apiKeys`, `setup.webhooks`) names the texts:
 * title, subtitle, new, empty, emptyHint, secretTitle, secretText.
 */
export function CredentialListPage<T extends { id: string }, I>(props: {
  section: "apiKeys" | "webhooks";
  list: { isPending: boolean; isError: boolean; error: unknown; data: T[] | undefined };
  /** Above the list: what needs the admin's attention. */
  notice?: (items: T[]) => ReactNode;
  table: (items: T[], end: (item: T) => void) => ReactNode;
  create: UseMutationResult<{ secret: string }, Error, I>;
  CreateForm: (props: CreateFormProps<I>) => ReactNode;
  end: {
    mutation: UseMutationResult<unknown, Error, string>;
    title: (item: T) => string;
    text: string;
    confirmLabel: string;
    done: string;
  };
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const explain = useSetupError();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [ending, setEnding] = useState<T | null>(null);
  const { create, end, CreateForm } = props;
  const text = (key: TextKey) => t(`setup.${props.section}.${key}` as const);

  if (props.list.isPending) return <PageSpinner />;
  const items = props.list.data ?? [];
  const add = <Button onClick={() => setCreating(true)}>+ {text("new")}</Button>;
  return (
    <>
      <PageHeader title={text("title")} subtitle={text("subtitle")} actions={add} />
      {props.list.isError && <Alert tone="error">{explain(props.list.error).message}</Alert>}
      {props.notice?.(items)}
      {items.length === 0 ? (
        <EmptyState title={text("empty")} hint={text("emptyHint")} action={add} />
      ) : (
        props.table(items, setEnding)
      )}
      {creating && (
        <CreateForm
          pending={create.isPending}
          error={create.error}
          onClose={() => {
            setCreating(false);
            create.reset();
          }}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (answer) => {
                setCreating(false);
                setSecret(answer.secret);
              },
            })
          }
        />
      )}
      {secret && (
        <SecretDialog
          title={text("secretTitle")}
          text={text("secretText")}
          secret={secret}
          onClose={() => setSecret(null)}
        />
      )}
      <ConfirmDialog
        open={ending !== null}
        title={ending ? end.title(ending) : ""}
        description={end.text}
        confirmLabel={end.confirmLabel}
        tone="danger"
        pending={end.mutation.isPending}
        error={end.mutation.error ? explain(end.mutation.error).message : null}
        onClose={() => {
          setEnding(null);
          end.mutation.reset();
        }}
        onConfirm={() =>
          ending &&
          end.mutation.mutate(ending.id, {
            onSuccess: () => {
              setEnding(null);
              toast.show(end.done);
            },
          })
        }
      />
    </>
  );
}
