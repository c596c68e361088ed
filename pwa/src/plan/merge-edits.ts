// After a 409 (someone else saved first): start from their saved version and lay over it each
// field the clinician changed since the version they read, so nothing typed is lost and nothing
// they did not touch is put back. Used by the plan's own fields, goals and actions alike.

export interface Merged<F> {
  merged: F;
  /** Fields both people changed, differently: the typed words win and should be checked. */
  bothChanged: (keyof F)[];
}

/** A field's value as it would be sent: by default, text without the spaces around it. */
export type SentValue<F> = (form: F, field: keyof F) => unknown;

const trimmed = <F>(form: F, field: keyof F): unknown => {
  const value = form[field];
  return typeof value === 'string' ? value.trim() : value;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose sent value differs between two copies of a form. */
export function fieldsChanged<F>(fields: readonly (keyof F)[], from: F, to: F, sent: SentValue<F> = trimmed): (keyof F)[] {
  return fields.filter((field) => !same(sent(from, field), sent(to, field)));
}

export function mergeEdits<F extends object>(
  fields: readonly (keyof F)[],
  base: F,
  mine: F,
  theirs: F,
  sent: SentValue<F> = trimmed,
): Merged<F> {
  const merged: F = { ...theirs };
  const bothChanged: (keyof F)[] = [];
  for (const field of fieldsChanged(fields, base, mine, sent)) {
    merged[field] = mine[field];
    const theirsChanged = !same(sent(base, field), sent(theirs, field));
    if (theirsChanged && !same(sent(mine, field), sent(theirs, field))) bothChanged.push(field);
  }
  return { merged, bothChanged };
}
