import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { readCaringFor } from '../api/carers';
import { onAccessRefused } from '../api/client';
import type { HelpedPatient, Me } from '../api/types';
import { hrefFor, navigate, replaceRoute } from '../navigation';
import { localDb } from '../offline/db';
import {
  forgetPatientCopies,
  helpingFrom,
  refusalMeaning,
  rememberedHelping,
  rememberHelping,
  type AccessNotice,
  type Helping,
} from './helping';
import { carerHome } from './scopes';

/**
 * A carer's choice of patient. When the server refuses a request about that patient (access
 * revoked, expired or narrowed: it re-checks on every request), the carer is told in plain
 * words and taken back to the people they help, never left on a broken screen.
 */
export function useHelping(me: Me) {
  const isCarer = me.kind === 'carer';
  const [helping, setHelping] = useState<Helping | null>(() => (isCarer ? rememberedHelping(me.id) : null));
  const [notice, setNotice] = useState<AccessNotice | null>(null);
  const current = useRef(helping);
  current.current = helping;
  const checking = useRef(false);

  const choose = useCallback(
    (patient: HelpedPatient) => {
      const next = helpingFrom(patient);
      rememberHelping(me.id, next);
      setHelping(next);
      setNotice(null);
      navigate(carerHome(next.scopes));
    },
    [me.id],
  );

  /** Ask the server what the carer may do now, and act on what changed. */
  const recheck = useCallback(async () => {
    const was = current.current;
    if (!was || checking.current) return;
    checking.current = true;
    try {
      const meaning = refusalMeaning(was, (await readCaringFor()).patients);
      if (meaning && current.current === was) {
        rememberHelping(me.id, null);
        setHelping(null);
        setNotice(meaning);
        if (location.hash !== hrefFor({ name: 'helping' })) replaceRoute({ name: 'helping' });
        if (meaning.kind === 'ended') await forgetPatientCopies(await localDb(), was.patientId).catch(() => undefined);
      }
    } catch {
      // Offline or signed out: the screen says so itself.
    } finally {
      checking.current = false;
    }
  }, [me.id]);

  useEffect(() => {
    if (!isCarer) return;
    // A patient remembered from before a reload may have ended the access meanwhile.
    if (current.current && navigator.onLine) void recheck();
    return onAccessRefused((patientId) => {
      if (current.current?.patientId === patientId) void recheck();
    });
  }, [isCarer, recheck]);

  return { helping, notice, choose };
}
