import { pickAnnouncementVoice, spokenCall, type SpeechLang } from "@equeue/core";
import { playChime } from "./chime";

/** One call to announce: "K-012 → 3-oyna". */
export type Announcement = { key: string; label: string; counter: number };

export type AnnouncerState = {
  /** Browsers keep audio locked until a person touches the page. */
  soundEnabled: boolean;
  /** The call being announced now, for the board to highlight. */
  current: Announcement | null;
  /** How many announcements finished (chime + speech), for tests and diagnostics. */
  done: number;
  /** The text of the last spoken phrase, or null when only the chime could play. */
  lastSpoken: string | null;
};

const SPEECH_TIMEOUT_MS = 10_000;
const GAP_MS = 600;

function speechApi(): SpeechSynthesis | null {
  return typeof window !== "undefined" && "speechSynthesis" in window
    ? window.speechSynthesis
    : null;
}

function findVoice(synth: SpeechSynthesis, lang: SpeechLang) {
  return pickAnnouncementVoice(synth.getVoices(), lang);
}

const sleep = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/**
 * Announces calls strictly one after another: a chime, then the spoken number and counter when
 * the device has a suitable voice. Calls that arrive together wait their turn; none is dropped.
 */
export class Announcer {
  private queue: Announcement[] = [];
  private running = false;
  private audio: AudioContext | null = null;
  private state: AnnouncerState = { soundEnabled: false, current: null, done: 0, lastSpoken: null };
  private readonly listeners = new Set<() => void>();

  /** `languages`: what to speak each call in, in order (a display setting, e.g. uz then ru). */
  constructor(private readonly languages: () => readonly SpeechLang[]) {
    const AudioCtor = typeof window !== "undefined" ? window.AudioContext : undefined;
    if (AudioCtor) {
      try {
        const audio = new AudioCtor();
        this.audio = audio;
        // Kiosk browsers started with an autoplay policy need no click at all.
        const unlocked = () => {
          if (audio.state === "running" && !this.state.soundEnabled)
            this.set({ soundEnabled: true });
        };
        audio.addEventListener("statechange", unlocked);
        unlocked();
      } catch {
        this.audio = null;
      }
    }
    // Voices load asynchronously in Chromium; asking once starts the load.
    speechApi()?.getVoices();
  }

  getState = (): AnnouncerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<AnnouncerState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Call from a click or key press: unlocks WebAudio and speech for the rest of the session. */
  async enableSound(): Promise<void> {
    try {
      await this.audio?.resume();
    } catch {
      // No audio output device: the board still shows every call.
    }
    const synth = speechApi();
    if (synth) {
      // An empty utterance inside the gesture unlocks speech in Safari and Chromium.
      const warmUp = new SpeechSynthesisUtterance(" ");
      warmUp.volume = 0;
      synth.speak(warmUp);
    }
    this.set({ soundEnabled: true });
  }

  /** Adds calls to the end of the line; they are announced in the order given. */
  enqueue(...items: Announcement[]): void {
    this.queue.push(...items);
    void this.drain();
  }

  dispose(): void {
    this.queue = [];
    speechApi()?.cancel();
    void this.audio?.close().catch(() => undefined);
    this.listeners.clear();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.queue.shift(); item; item = this.queue.shift()) {
        this.set({ current: item });
        const spoken = await this.announce(item);
        this.set({ done: this.state.done + 1, lastSpoken: spoken });
        await sleep(GAP_MS);
      }
    } finally {
      this.running = false;
      this.set({ current: null });
    }
  }

  private async announce(item: Announcement): Promise<string | null> {
    if (this.audio && this.audio.state === "running") {
      await playChime(this.audio).catch(() => undefined);
    } else {
      // Muted board: keep the highlight on screen about as long as a chime would last.
      await sleep(1500);
    }
    if (!this.state.soundEnabled) return null;
    const synth = speechApi();
    if (!synth) return null;
    const said: string[] = [];
    const spokenIn = new Set<SpeechLang>();
    for (const lang of this.languages()) {
      const found = findVoice(synth, lang);
      if (!found || spokenIn.has(found.lang)) continue;
      spokenIn.add(found.lang);
      let text: string;
      try {
        text = spokenCall(item.label, item.counter, found.lang);
      } catch {
        return null; // A label the speech rules cannot read (custom series): the chime said enough.
      }
      await this.speak(synth, text, found.voice);
      said.push(text);
    }
    return said.length ? said.join(" / ") : null;
  }

  private speak(synth: SpeechSynthesis, text: string, voice: SpeechSynthesisVoice): Promise<void> {
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      const finish = () => {
        window.clearTimeout(timer);
        resolve();
      };
      const timer = window.setTimeout(finish, SPEECH_TIMEOUT_MS);
      utterance.onend = finish;
      utterance.onerror = finish;
      synth.speak(utterance);
    });
  }
}
