import type {
  DisplayCallDto as ServerDisplayCall,
  DisplaySnapshotDto as ServerDisplaySnapshot,
  Wire,
} from "@equeue/contracts";
import { ApiError } from "../../../lib/api/api-error";
import { companyApiBase } from "../../../lib/company-host";
import type { BoardCall, BoardSnapshot } from "./board.types";

// The server's display shapes, as JSON.
export type DisplayCallDto = Wire<ServerDisplayCall>;
export type DisplaySnapshotDto = Wire<ServerDisplaySnapshot>;

/** A call as the board keeps it. The server's call id is `{ticketId}:{recalls}:{time}`. */
export function toBoardCall(call: DisplayCallDto): BoardCall {
  return {
    key: call.id,
    ticketId: call.id.split(":")[0] ?? call.id,
    label: call.label,
    counter: call.counterNumber,
    calledAt: call.calledAt,
    serviceName: call.serviceName,
  };
}

export function toBoardSnapshot(dto: DisplaySnapshotDto): BoardSnapshot {
  return {
    branding: {
      companyName: dto.company.name,
      branchName: dto.branch.name,
      logoUrl: dto.company.logoUrl,
      primaryColor: dto.company.primaryColor,
    },
    calls: dto.calls.map(toBoardCall),
    services: dto.services.map((s) => ({ id: s.id, name: s.name, waiting: s.waiting })),
  };
}

/** GET the board's snapshot with the device token (`Authorization: Device …`). */
export async function fetchDisplaySnapshot(
  slug: string,
  deviceToken: string,
  signal?: AbortSignal,
): Promise<DisplaySnapshotDto> {
  let res: Response;
  try {
    res = await fetch(`${companyApiBase(slug)}/display/snapshot`, {
      headers: { accept: "application/json", authorization: `Device ${deviceToken}` },
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", "The server cannot be reached.");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? res.statusText,
    );
  }
  return (await res.json()) as DisplaySnapshotDto;
}
