import { useEffect, useRef } from "react";
import { createQrDecoder } from "./decode-qr";

/** Why the camera could not be used: refused by the person, or none there. */
export type CameraProblem = "denied" | "unavailable";

// Frames are looked at this often, scaled to this width: enough for a QR held up to a camera.
const FRAME_MS = 200;
const FRAME_WIDTH = 640;
// The same text is reported again only after this long (a QR held still is one reading).
const REPEAT_MS = 2500;

/**
 * The camera's picture with a QR reader behind it: `onText` gets the text of each QR code seen.
 * The default export so pages load it lazily, with the decoder, only when a scan is asked for;
 * the camera stops when it goes away.
 */
export default function QrScanner({
  onText,
  onProblem,
  label,
  className,
}: {
  onText: (text: string) => void;
  onProblem: (problem: CameraProblem) => void;
  label: string;
  className?: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef({ onText, onProblem });
  latest.current = { onText, onProblem };

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { text: "", at: 0 };
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        latest.current.onProblem("unavailable");
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: "environment" },
          audio: false,
        });
      } catch (e) {
        const name = e instanceof DOMException ? e.name : "";
        if (!stopped)
          latest.current.onProblem(name === "NotAllowedError" ? "denied" : "unavailable");
        return;
      }
      const element = video.current;
      if (stopped || !element) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      const decode = await createQrDecoder();
      const canvas = document.createElement("canvas");
      const tick = async () => {
        if (stopped) return;
        if (element.readyState >= 2 && element.videoWidth > 0) {
          const scale = Math.min(1, FRAME_WIDTH / element.videoWidth);
          canvas.width = Math.round(element.videoWidth * scale);
          canvas.height = Math.round(element.videoHeight * scale);
          canvas.getContext("2d")?.drawImage(element, 0, 0, canvas.width, canvas.height);
          const text = await decode(canvas).catch(() => null);
          const now = Date.now();
          if (text && !stopped && (text !== last.text || now - last.at > REPEAT_MS)) {
            last = { text, at: now };
            latest.current.onText(text);
          }
        }
        if (!stopped) timer = setTimeout(() => void tick(), FRAME_MS);
      };
      void tick();
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <video
      ref={video}
      muted
      playsInline
      aria-label={label}
      className={className ?? "aspect-square w-full rounded-2xl bg-zinc-900 object-cover"}
    />
  );
}
