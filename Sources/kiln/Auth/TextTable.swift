import Foundation

/// A plain text table with left-aligned columns, for listings on a terminal.
///
/// ```swift
/// TextTable(header: ["ID", "KIND"], rows: [["app", "public"]]).rendered
/// // ID   KIND
/// // app  public
/// ```
struct TextTable {
    /// The column titles.
    var header: [String]
    /// The rows, each with one cell per column.
    var rows: [[String]]

    /// The table, one line per row, columns two spaces apart, without trailing spaces.
    var rendered: String {
        let lines = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for line in lines {
            for (column, cell) in line.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        return lines.map { line in
            line.enumerated().map { column, cell in
                column == line.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
