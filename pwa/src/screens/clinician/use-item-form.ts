import { useEffect, useState } from 'preact/hooks';
import { fieldsChanged, mergeEdits } from '../../plan/merge-edits';

/**
 * The edit form for one goal or action, and the version it is based on. When someone else saved
 * first (409), `conflicted` takes their version and keeps what was typed over it, as the plan's
 * own fields do; `bothChanged` then names the fields both people changed.
 */
export function useItemForm<I extends { version: number }, F extends object>(
  item: I,
  toForm: (item: I) => F,
  fields: readonly (keyof F)[],
) {
  const [base, setBase] = useState(item);
  const [form, setForm] = useState(() => toForm(item));
  const [bothChanged, setBothChanged] = useState<(keyof F)[] | null>(null);

  // The plan was read again with a newer version: show it, unless something is typed.
  useEffect(() => {
    if (item.version > base.version && fieldsChanged(fields, toForm(base), form).length === 0) {
      setBase(item);
      setForm(toForm(item));
    }
  }, [item]);

  /** Our save went through: the form shows what was saved. */
  const saved = (next: I) => {
    setBase(next);
    setForm(toForm(next));
    setBothChanged(null);
  };

  /** Someone else saved first: their version, with what was typed laid over it. */
  const conflicted = (theirs: I) => {
    const merge = mergeEdits(fields, toForm(base), form, toForm(theirs));
    setBase(theirs);
    setForm(merge.merged);
    setBothChanged(merge.bothChanged);
  };

  return { base, form, setForm, bothChanged, saved, conflicted };
}
