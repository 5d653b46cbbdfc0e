// Short beeps through the Web Audio API, so an operator hears each scan's answer without looking up:
// one high beep when the goods were received, two middle ones for an exception, a long low one for a
// refusal. No audio files; browsers without Web Audio stay silent.

export type BeepTone = 'ok' | 'exception' | 'refused';

interface Note {
  frequency: number;
  /** Seconds after the first note starts. */
  at: number;
  duration: number;
}

const PATTERNS: Record<BeepTone, Note[]> = {
  ok: [{ frequency: 1320, at: 0, duration: 0.09 }],
  exception: [
    { frequency: 520, at: 0, duration: 0.1 },
    { frequency: 520, at: 0.16, duration: 0.1 },
  ],
  refused: [{ frequency: 220, at: 0, duration: 0.35 }],
};

type AudioContextConstructor = new () => AudioContext;
let context: AudioContext | null = null;

function audioContextConstructor(): AudioContextConstructor | undefined {
  if (typeof window === 'undefined') return undefined;
  const scope = window as unknown as {
    AudioContext?: AudioContextConstructor;
    webkitAudioContext?: AudioContextConstructor;
  };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/**
 * Creates (or resumes) the audio context. Browsers let a page start sound only from a user gesture,
 * so call this in the keystroke or click that sends the scan; the beep follows when the answer comes.
 */
export function prepareBeeps(): void {
  const AudioContextClass = audioContextConstructor();
  if (!AudioContextClass) return;
  try {
    context ??= new AudioContextClass();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  } catch {
    context = null;
  }
}

export function beep(tone: BeepTone): void {
  if (!context || context.state === 'closed') return;
  try {
    const start = context.currentTime + 0.01;
    for (const note of PATTERNS[tone]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = note.frequency;
      const begin = start + note.at;
      const end = begin + note.duration;
      gain.gain.setValueAtTime(0.0001, begin);
      gain.gain.exponentialRampToValueAtTime(0.15, begin + 0.01);
      gain.gain.setValueAtTime(0.15, end - 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(begin);
      oscillator.stop(end + 0.01);
    }
  } catch {
    // Sound is a courtesy: the answer is on screen and announced whatever happens here.
  }
}
