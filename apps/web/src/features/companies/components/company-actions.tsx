import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button, buttonClass } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { Input } from "../../../components/ui/input";
import { useToast } from "../../../components/ui/toast";
import { useErrorMessage } from "../../../lib/errors";
import { downloadExport, type Company } from "../api/companies.api";
import { useCompanyCommand, type CommandResult, type CompanyCommand } from "../hooks/use-companies";

type Confirmable = Exclude<CompanyCommand, "activate" | "restore">;
type Props = { company: Company; editHref: string; onPurged: (exportFile: string) => void };

/** Life-cycle actions; destructive ones ask first. */
export function CompanyActions({ company, editHref, onPurged }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const command = useCompanyCommand(company.id);
  const [asking, setAsking] = useState<Confirmable | null>(null);
  const [typedSlug, setTypedSlug] = useState("");
  const [exporting, setExporting] = useState(false);
  const deleted = company.status === "DELETED";

  const done: Record<CompanyCommand, (r: CommandResult) => string> = {
    activate: () => t("actions.activated"),
    suspend: () => t("actions.suspended"),
    restore: () => t("actions.restored"),
    delete: () => t("actions.deleted"),
    resend: () => t("actions.inviteSent"),
    purge: (r) => t("actions.purged", { file: r.kind === "purged" ? r.exportFile : "" }),
  };

  const run = (cmd: CompanyCommand) =>
    command.mutate(cmd, {
      onSuccess: (result) => {
        setAsking(null);
        toast.show(done[cmd](result));
        if (result.kind === "purged") onPurged(result.exportFile);
      },
      onError: (error) => {
        if (!asking) toast.show(errorMessage(error), "error");
      },
    });

  const open = (cmd: Confirmable) => {
    command.reset();
    setTypedSlug("");
    setAsking(cmd);
  };

  const exportData = async () => {
    setExporting(true);
    try {
      await downloadExport(company);
    } catch (error) {
      toast.show(errorMessage(error), "error");
    } finally {
      setExporting(false);
    }
  };

  const pendingOf = (cmd: CompanyCommand) => command.isPending && command.variables === cmd;
  const dialogs: Record<
    Confirmable,
    { title: string; text: string; label: string; danger: boolean }
  > = {
    suspend: {
      title: t("actions.suspendTitle"),
      text: t("actions.suspendText", { name: company.name }),
      label: t("actions.suspend"),
      danger: true,
    },
    resend: {
      title: t("actions.resendTitle"),
      text: t("actions.resendText"),
      label: t("actions.resendInvite"),
      danger: false,
    },
    delete: {
      title: t("actions.deleteTitle"),
      text: t("actions.deleteText", { name: company.name }),
      label: t("actions.delete"),
      danger: true,
    },
    purge: {
      title: t("actions.purgeTitle"),
      text: t("actions.purgeText", { name: company.name }),
      label: t("actions.purge"),
      danger: true,
    },
  };
  const dialog = asking ? dialogs[asking] : null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {(company.status === "INACTIVE" || company.status === "SUSPENDED") && (
        <Button onClick={() => run("activate")} loading={pendingOf("activate")}>
          {t("actions.activate")}
        </Button>
      )}
      {company.status === "ACTIVE" && (
        <Button variant="secondary" onClick={() => open("suspend")}>
          {t("actions.suspend")}
        </Button>
      )}
      {deleted && (
        <Button onClick={() => run("restore")} loading={pendingOf("restore")}>
          {t("actions.restore")}
        </Button>
      )}
      {!deleted && (
        <>
          <Link to={editHref} className={buttonClass("secondary")}>
            {t("actions.edit")}
          </Link>
          <Button variant="secondary" onClick={() => open("resend")}>
            {t("actions.resendInvite")}
          </Button>
        </>
      )}
      <Button variant="secondary" onClick={() => void exportData()} loading={exporting}>
        {t("actions.export")}
      </Button>
      {deleted ? (
        <Button variant="danger" onClick={() => open("purge")}>
          {t("actions.purge")}
        </Button>
      ) : (
        <Button variant="dangerGhost" onClick={() => open("delete")}>
          {t("actions.delete")}
        </Button>
      )}
      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.title}
        description={dialog?.text}
        confirmLabel={dialog?.label ?? ""}
        tone={dialog?.danger ? "danger" : "primary"}
        pending={command.isPending}
        error={command.isError ? errorMessage(command.error) : null}
        confirmDisabled={asking === "purge" && typedSlug !== company.slug}
        onConfirm={() => asking && run(asking)}
        onClose={() => setAsking(null)}
      >
        {asking === "purge" && (
          <div className="mt-4">
            <label
              htmlFor="purge-confirm"
              className="mb-1.5 block text-sm font-medium text-zinc-800"
            >
              {t("actions.purgeConfirmLabel", { slug: company.slug })}
            </label>
            <Input
              id="purge-confirm"
              value={typedSlug}
              onChange={(e) => setTypedSlug(e.target.value)}
              autoComplete="off"
              className="font-mono"
            />
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}
