/** Characters that would break out of the printed page's HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Prints a ticket slip (number, service, QR of its tracking link) from a small window of its
 * own, so the operator's screen around it is not printed. The QR library loads on demand.
 */
export async function printTicketSlip(slip: {
  label: string;
  service: string;
  url: string;
  hint: string;
}): Promise<void> {
  const win = window.open("", "_blank", "width=380,height=560");
  if (!win) return;
  const qr = await import("qrcode");
  const svg = await qr.toString(slip.url, { type: "svg", margin: 1 });
  win.document.write(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(
    slip.label,
  )}</title><style>
body{font-family:system-ui,sans-serif;text-align:center;margin:16px}
.label{font-size:56px;font-weight:900;margin:8px 0}
.qr{width:200px;height:200px;margin:8px auto}
p{margin:4px 0}small{word-break:break-all;color:#555}
</style></head><body>
<p>${escapeHtml(slip.service)}</p><div class="label">${escapeHtml(slip.label)}</div>
<div class="qr">${svg}</div><p>${escapeHtml(slip.hint)}</p><small>${escapeHtml(slip.url)}</small>
</body></html>`);
  win.document.close();
  win.focus();
  win.print();
}
