import type { BrowserContext, Page } from "@playwright/test";

// Runs in the page before any of its scripts. Plain JavaScript: e2e code has no DOM types.
const TV_BROWSER = `
(() => {
  // Audio stays locked until resume() is called from a touch, as in a TV browser without an
  // autoplay flag.
  const Real = window.AudioContext;
  class LockedAudioContext extends Real {
    #unlocked = false;
    get state() { return this.#unlocked ? super.state : "suspended"; }
    resume() { this.#unlocked = true; return super.resume(); }
  }
  Object.defineProperty(window, "AudioContext", { value: LockedAudioContext });

  // A speech engine with a Turkish and a Russian voice that writes down what it says.
  const spoken = [];
  Object.defineProperty(window, "__spoken", { value: spoken });
  class FakeUtterance {
    constructor(text) {
      this.text = text; this.voice = null; this.lang = ""; this.rate = 1; this.volume = 1;
      this.onend = null; this.onerror = null;
    }
  }
  const voices = [
    { name: "Turkish", lang: "tr-TR", default: false, localService: true, voiceURI: "tr" },
    { name: "Russian", lang: "ru-RU", default: false, localService: true, voiceURI: "ru" },
  ];
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance });
  Object.defineProperty(window, "speechSynthesis", {
    value: {
      getVoices: () => voices,
      speak: (u) => {
        if (u.text.trim()) spoken.push({ text: u.text, lang: u.voice ? u.voice.lang : u.lang });
        setTimeout(() => u.onend && u.onend(), 150);
      },
      cancel: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
})();
`;

/** Test doubles for the hall TV's browser: locked audio and a recording speech engine. */
export async function emulateTvBrowser(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: TV_BROWSER });
}

/** What the fake speech engine has said so far, in order. */
export function spokenOn(page: Page): Promise<Array<{ text: string; lang: string }>> {
  return page.evaluate("window.__spoken.slice()");
}
