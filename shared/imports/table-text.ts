/**
 * A CSV file's bytes as rows of cells (issue 20), parsed by Papa Parse (RFC 4180: quoted fields,
 * doubled quotes, line breaks inside quotes; the delimiter guessed among comma, semicolon and
 * tab, as spreadsheets in other locales write them). UTF-8, with or without its byte-order mark.
 * Pure: bytes in, rows out.
 */
import Papa from 'papaparse';

export class TableTextError extends Error {}

export function csvRows(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TableTextError('not UTF-8 text');
  }
  // Empty lines are kept: a record's index is its row number as a spreadsheet program shows the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  // A quote left open swallows the rest of the file: refuse it rather than import half a row.
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken !== undefined) throw new TableTextError(`row ${broken.row === undefined ? '?' : broken.row + 1}: ${broken.message}`);
  return parsed.data;
}
