import { FakeClock } from '../lib/clock';
import type { AppContext } from '../lib/context';

/**
 * The context as it was at an hour of a China date while the demo's months are played, never
 * later than the loader's own clock: a demo loaded just after midnight China time would
 * otherwise write today's 9 o'clock events in the future, after what its visitor then does.
 */
export function at(ctx: AppContext, date: string, hour: number): AppContext {
  const then = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const now = ctx.clock.now();
  return { ...ctx, clock: new FakeClock(then > now ? now : then) };
}
