import { boardAccent, brandStyle } from "../../../lib/brand-colors";
import type { ConnectionStatus } from "../../../lib/realtime/use-realtime";
import type { BoardSnapshot } from "../api/board.types";
import { useBoardText } from "../hooks/board-language";
import { BoardCurrent } from "./board-current";
import { BoardHeader } from "./board-header";
import { BoardRecent } from "./board-recent";
import { BoardServices } from "./board-services";
import { SoundOverlay } from "./sound-overlay";

type Props = {
  snapshot: BoardSnapshot;
  connection: ConnectionStatus;
  announcingKey: string | null;
  soundEnabled: boolean;
  onEnableSound: () => void;
  timeZone?: string;
};

/** The hall TV: the newest call very large, the calls before it, waiting per service, a clock. */
export function BoardView({
  snapshot,
  connection,
  announcingKey,
  soundEnabled,
  onEnableSound,
  timeZone,
}: Props) {
  const { both, localized } = useBoardText();
  const [newest, ...earlier] = snapshot.calls;
  const offline = connection === "offline";
  // The company's colour, adjusted so white text stays readable on it; none: the board's indigo.
  const accent = boardAccent(snapshot.branding.primaryColor);
  return (
    <div
      className="flex h-dvh w-full flex-col overflow-hidden bg-slate-950 text-white"
      style={brandStyle(accent)}
      data-testid="display-board"
      data-connection={connection}
      data-brand={accent ?? undefined}
    >
      {offline && (
        <div
          role="alert"
          data-testid="board-offline"
          className="flex shrink-0 items-center justify-center gap-[1vw] bg-red-600 py-[calc(var(--board-u)*1.2)] text-[calc(var(--board-u)*3)] font-bold"
        >
          <span
            aria-hidden="true"
            className="size-[calc(var(--board-u)*2)] animate-pulse rounded-full bg-white"
          />
          {both("queue.board.offline")}
        </div>
      )}
      <BoardHeader
        companyName={snapshot.branding.companyName}
        branchName={localized(snapshot.branding.branchName)}
        logoUrl={snapshot.branding.logoUrl}
        branded={accent !== null}
        timeZone={timeZone}
      />
      <main className="grid min-h-0 flex-1 grid-cols-[1.3fr_1fr] gap-[2.5vw] px-[3vw] py-[calc(var(--board-u)*3)] portrait:grid-cols-1 portrait:grid-rows-[auto_minmax(0,1fr)]">
        <BoardCurrent call={newest ?? null} announcing={!!newest && newest.key === announcingKey} />
        <BoardRecent calls={earlier} announcingKey={announcingKey} />
      </main>
      <BoardServices services={snapshot.services} />
      {!soundEnabled && <SoundOverlay onEnable={onEnableSound} />}
    </div>
  );
}
