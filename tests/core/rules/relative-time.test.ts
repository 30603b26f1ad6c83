/** Times in findings are in the units a person reads (`+10.1 s`, not `+10076 ms`), in both languages. */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../core/i18n';

describe('rulesAuth.relativeTime', () => {
  it('writes milliseconds under a second, seconds under a minute, then minutes and seconds', () => {
    const en = messagesFor('en').rulesAuth.relativeTime;
    expect([0, 238, 1000, 10076, 59_949, 180_000, 200_076].map((ms) => en({ ms }))).toEqual([
      '+0 ms',
      '+238 ms',
      '+1 s',
      '+10.1 s',
      '+59.9 s',
      '+3 min',
      '+3 min 20 s',
    ]);
  });

  it('in Russian, with a decimal comma', () => {
    const ru = messagesFor('ru').rulesAuth.relativeTime;
    expect([238, 10076, 200_076].map((ms) => ru({ ms }))).toEqual(['+238 мс', '+10,1 с', '+3 мин 20 с']);
  });
});
