/**
 * A two-tone "ding-dong" made with WebAudio, so the board needs no audio files and works
 * offline. Resolves when the chime has faded out.
 */
export function playChime(ctx: AudioContext): Promise<void> {
  const start = ctx.currentTime + 0.05;
  const master = ctx.createGain();
  master.gain.value = 0.5;
  master.connect(ctx.destination);

  // E5 then C5, each with a soft bell envelope and a quiet octave overtone.
  const notes: Array<[frequency: number, at: number]> = [
    [659.25, 0],
    [523.25, 0.45],
  ];
  for (const [frequency, offset] of notes) {
    for (const [multiple, level] of [
      [1, 0.9],
      [2, 0.18],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = frequency * multiple;
      const t0 = start + offset;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(level, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 1.1);
      osc.connect(gain);
      gain.connect(master);
      osc.start(t0);
      osc.stop(t0 + 1.15);
    }
  }
  const totalMs = (0.05 + 0.45 + 1.15) * 1000;
  return new Promise((resolve) => {
    window.setTimeout(() => {
      master.disconnect();
      resolve();
    }, totalMs);
  });
}
