import { useEffect, useRef } from 'react';
import { clearDraft, pruneDrafts, writeDraft } from './report-draft';
import { toFields, toFormValues, type ReportFormValues } from './report-values';
import type { ReportDetail } from './types';

/** Long enough not to write on every key press, short enough to lose little. */
const DEBOUNCE_MS = 800;

/**
 * Keeps the form's unsaved values in this browser (report-draft.ts) a moment after each change,
 * and at once when the page is hidden: opening the camera hides it, and Android may then reload
 * it. A form with nothing unsaved leaves no draft. Paused while a draft found on opening is
 * still being offered, so it is not overwritten before the person chooses.
 */
export function useDraftAutosave({ reportId, userId, base, values, isDirty, isPaused }: {
  reportId: number;
  userId: number;
  base: ReportDetail;
  values: ReportFormValues | undefined;
  isDirty: boolean;
  isPaused: boolean;
}) {
  const persist = useRef<() => void>(() => undefined);
  persist.current = () => {
    if (isPaused || !values) return;
    if (isDirty) writeDraft(reportId, { version: base.version, base: toFields(toFormValues(base)), values, at: Date.now(), userId });
    else clearDraft(reportId);
  };

  useEffect(() => {
    const timer = setTimeout(() => persist.current(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [values, isDirty, isPaused, base]);

  useEffect(() => {
    pruneDrafts();
    const flush = () => {
      if (document.visibilityState === 'hidden') persist.current();
    };
    const flushNow = () => persist.current();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flushNow);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flushNow);
    };
  }, []);
}
