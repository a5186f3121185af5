// Imported by the module worker as ./lib/csv.mjs?v=abc123.
export function parseRow(line, index) {
  const cells = line.split(',');
  if (cells.length < 3) throw /*@h2csv-throw*/new SyntaxError/*@h2csv-throw:jsc*/(`row ${index}: expected 3 cells, got ${cells.length}`);
  return cells;
}
