import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Field } from "../../../components/ui/field";
import { Textarea } from "../../../components/ui/input";
import { cn } from "../../../lib/cn";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import { useErrorMessage } from "../../../lib/errors";
import { loadMessages } from "../../../lib/i18n";
import { accountMessages } from "../../../lib/i18n/bundles/account";

/** The rating part of a finished ticket's page, loaded with its texts. */
export const ticketRatingSectionReady = loadMessages(accountMessages);

type Rating = { stars: number; comment: string | null; createdAt: string };
type MyRating = { canRate: boolean; rating: Rating | null };

function Stars({ value, label }: { value: number; label: string }) {
  return (
    // A paragraph cannot carry a label: the stars are drawn for the eye, the words for a reader.
    <p className="text-3xl text-amber-500">
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= value ? "" : "text-zinc-300"}>
          ★
        </span>
      ))}
      <span className="sr-only">{label}</span>
    </p>
  );
}

/** After a finished visit: 1–5 stars and an optional comment, once per ticket. */
export default function TicketRatingSection({ slug, token }: { slug: string; token: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const url = `${companyApiBase(slug)}/public/tickets/${encodeURIComponent(token)}/rating`;
  const key = ["ticket-rating", slug, token];
  const mine = useQuery({ queryKey: key, queryFn: () => requestJson<MyRating>(url) });
  const rate = useMutation({
    mutationFn: (body: { stars: number; comment: string | null }) =>
      requestJson<Rating>(url, { method: "POST", body }),
    onSuccess: (rating) => client.setQueryData<MyRating>(key, { canRate: false, rating }),
  });
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState("");

  if (!mine.data || (!mine.data.canRate && !mine.data.rating)) return null;
  const given = mine.data.rating;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (stars) rate.mutate({ stars, comment: comment.trim() || null });
  };
  return (
    <section
      className="mt-4 rounded-2xl bg-white p-5 text-center shadow-sm"
      data-testid="ticket-rating"
    >
      {given ? (
        <>
          <h2 className="font-semibold text-zinc-900">
            {rate.isSuccess ? t("account.rateThanks") : t("account.yourRating")}
          </h2>
          <div className="mt-2">
            <Stars value={given.stars} label={t("account.star", { count: given.stars })} />
          </div>
          {given.comment && <p className="mt-2 text-zinc-700">{given.comment}</p>}
        </>
      ) : (
        <form onSubmit={submit} className="space-y-3">
          <h2 className="font-semibold text-zinc-900">{t("account.rateTitle")}</h2>
          <p className="text-sm text-zinc-600">{t("account.rateIntro")}</p>
          <div
            role="radiogroup"
            aria-label={t("account.rateTitle")}
            className="flex justify-center gap-1"
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={stars === n}
                aria-label={t("account.star", { count: n })}
                onClick={() => setStars(n)}
                className={cn(
                  "h-12 w-12 rounded-full text-4xl leading-none focus-visible:outline-2 focus-visible:outline-indigo-600",
                  n <= stars ? "text-amber-500" : "text-zinc-300",
                )}
              >
                ★
              </button>
            ))}
          </div>
          <Field id="rating-comment" label={t("account.rateComment")} className="text-left">
            <Textarea
              id="rating-comment"
              rows={3}
              maxLength={500}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Field>
          {rate.isError && <Alert tone="error">{errorMessage(rate.error)}</Alert>}
          <Button
            type="submit"
            disabled={!stars}
            loading={rate.isPending}
            className="h-12 w-full text-base"
          >
            {t("account.rateSubmit")}
          </Button>
        </form>
      )}
    </section>
  );
}
