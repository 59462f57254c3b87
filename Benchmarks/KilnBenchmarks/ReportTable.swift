import Foundation

/// The comparison table as text, columns aligned:
///
/// ```
/// figure                      Kiln  PostgreSQL  Kiln/PostgreSQL
/// load (resources/s)         5,310      27,842            0.19×
/// ```
enum ReportTable {
    /// The table's lines.
    static func lines(_ rows: [ComparisonRow]) -> [String] {
        let header = ["figure", "Kiln", "PostgreSQL", "Kiln/PostgreSQL"]
        let cells = rows.map { row in
            [
                row.figure,
                format(row.kiln, higherIsBetter: row.higherIsBetter),
                row.postgres.map { format($0, higherIsBetter: row.higherIsBetter) } ?? "–",
                row.ratio.map { String(format: "%.2f×", $0) } ?? "–",
            ]
        }
        let all = [header] + cells
        let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "   ")
        }
    }

    /// Throughput as a whole number with thousands separators; latency in milliseconds with
    /// three significant decimals below 10 ms.
    static func format(_ value: Double, higherIsBetter: Bool) -> String {
        if higherIsBetter { return grouped(Int(value.rounded())) }
        return String(format: value < 10 ? "%.3f" : "%.1f", value)
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (position, digit) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
