import Console
import Foundation

/// Usage: ConsoleBench. Prints the console's cost per cursor key with 10 and 100,000 rows, per filter keystroke, and per key in the add-storage dialog.
func micro(_ s: Double) -> String { String(format: "%.1f µs", s * 1e6) }

for rows in [10, 100_000] {
    let (perKey, cells) = try ConsoleBenchmarks.cursorKey(rows: rows)
    print("cursor key, \(rows) rows, 80x24: \(micro(perKey)) per key (update + render + diff), \(cells) cells change")
}
let (scrollKey, scrollCells) = try ConsoleBenchmarks.cursorKey(rows: 100_000, scrolling: true)
print("cursor key that scrolls the table, 100000 rows, 80x24: \(micro(scrollKey)) per key, \(scrollCells) cells change")
let (bigKey, _) = try ConsoleBenchmarks.cursorKey(rows: 100_000, width: 200, height: 50)
print("cursor key, 100000 rows, 200x50: \(micro(bigKey)) per key")
for rows in [10_000, 100_000] {
    print("filter keystroke, \(rows) rows: \(micro(try ConsoleBenchmarks.filterKeystroke(rows: rows))) per key")
}
let dialog = try ConsoleBenchmarks.storageDialogKeys()
print("Add Primary Storage dialog, 80x24: \(micro(dialog.typing)) per typed key, \(micro(dialog.choosing)) per protocol change (fields recomputed)")
