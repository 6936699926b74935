import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { PageSpinner } from "../../../components/ui/spinner";
import { useDisplayBoard, type BoardOptions } from "../hooks/use-display-board";
import { BoardLanguages } from "../hooks/board-language";
import { BoardView } from "./board-view";

/** The paired display board of one branch: live calls with a chime and a spoken announcement. */
export function DisplayBoard(options: BoardOptions) {
  const { t } = useTranslation();
  const board = useDisplayBoard(options);
  const { soundEnabled, current, done, lastSpoken } = board.announcer;
  const { enableSound } = board;

  // Any touch or key on the TV's remote unlocks sound, not only the button.
  useEffect(() => {
    if (soundEnabled) return;
    const unlock = () => enableSound();
    window.addEventListener("pointerdown", unlock, { once: true });
    window.addEventListener("keydown", unlock, { once: true });
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, [soundEnabled, enableSound]);

  if (!board.snapshot) {
    return (
      <div className="flex h-dvh items-center justify-center bg-slate-950 text-slate-200">
        {board.error ? (
          <p role="alert" className="text-[calc(var(--board-u)*3)]">
            {t("queue.board.loadError")}
          </p>
        ) : (
          <PageSpinner />
        )}
      </div>
    );
  }

  return (
    <BoardLanguages languages={options.screenLanguages ?? []}>
      <BoardView
        snapshot={board.snapshot}
        connection={board.connection}
        announcingKey={current?.key ?? null}
        soundEnabled={soundEnabled}
        onEnableSound={enableSound}
        timeZone={options.timeZone}
      />
      {/* Screen readers hear each call; tests read what was announced and how many times. */}
      <p
        className="sr-only"
        aria-live="assertive"
        data-testid="board-announcer"
        data-announced={done}
        data-sound={soundEnabled ? "on" : "off"}
        data-spoken={lastSpoken ?? ""}
      >
        {current
          ? t("queue.board.announcement", {
              label: current.label,
              counter: t("queue.counterName", { number: current.counter }),
            })
          : ""}
      </p>
    </BoardLanguages>
  );
}
