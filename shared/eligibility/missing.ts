/**
 * A missing fact as a condition reports it: a field of the case file (tsp-case/1), indexed
 * where it is one of a list ("offences[0].categories"), sometimes with a note after a space
 * ("consent.by (legal representative)"). Screens name the field (ui.field.<field>), never the path.
 */

/** The field a missing fact names, without its index or note: "offences[0].categories" -> "offences.categories". */
export function fieldOfMissing(missing: string): string {
  return (missing.split(' ')[0] ?? missing).replace(/\[\d+\]/g, '');
}
