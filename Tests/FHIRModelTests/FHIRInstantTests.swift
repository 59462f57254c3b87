import FHIRModel
import Foundation
import Testing

@Suite struct FHIRInstantTests {
    // MARK: Instants

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1, "1970-01-01T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (-1000, "1969-12-31T23:59:59.000Z"),
        (-1001, "1969-12-31T23:59:58.999Z"),
        (-86_400_000, "1969-12-31T00:00:00.000Z"),
        (1_714_564_800_123, "2024-05-01T12:00:00.123Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-2_203_891_200_000, "1900-03-01T00:00:00.000Z"),
        (-14_182_940_000, "1969-07-20T20:17:40.000Z"),
        (-310_435_201_000, "1960-02-29T23:59:59.000Z"),
        (-11_670_953_103_500, "1600-02-29T12:34:56.500Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func formatsMillisecondsInUTC(milliseconds: Int64, expected: String) {
        #expect(FHIRInstant.format(millisecondsSince1970: milliseconds) == expected)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_714_564_800.123, "2024-05-01T12:00:00.123Z"),
        (1_714_564_800.999, "2024-05-01T12:00:00.999Z"),
        (-0.001, "1969-12-31T23:59:59.999Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
        (-14_182_939.877, "1969-07-20T20:17:40.123Z"),
        (951_782_400.0, "2000-02-29T00:00:00.000Z"),
    ])
    func formatsDates(seconds: Double, expected: String) {
        #expect(FHIRInstant.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func formatTruncatesBelowAMillisecond() {
        #expect(FHIRInstant.format(Date(timeIntervalSince1970: 1.2349)) == "1970-01-01T00:00:01.234Z")
        #expect(FHIRInstant.format(Date(timeIntervalSince1970: -0.0001)) == "1969-12-31T23:59:59.999Z")
    }

    @Test func everyMillisecondOfASecondRoundTrips() throws {
        for base in [Int64(1_714_564_800_000), -1000, -2_203_891_200_000] {
            for offset in Int64(0)..<1000 {
                let milliseconds = base + offset
                let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
                let text = FHIRInstant.format(date)
                #expect(text == FHIRInstant.format(millisecondsSince1970: milliseconds))
                let parsed = try #require(FHIRInstant.parse(text))
                #expect(FHIRInstant.format(parsed) == text)
            }
        }
    }

    // MARK: HTTP dates

    @Test(arguments: [
        (784_111_777.0, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (0.0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (-1.0, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (-0.5, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (-310_435_201.0, "Mon, 29 Feb 1960 23:59:59 GMT"),
        (-14_182_940.0, "Sun, 20 Jul 1969 20:17:40 GMT"),
        (1_714_564_800.999, "Wed, 01 May 2024 12:00:00 GMT"),
    ])
    func formatsHTTPDates(seconds: Double, expected: String) {
        #expect(FHIRInstant.httpDate(Date(timeIntervalSince1970: seconds)) == expected)
    }

    // MARK: Parsing

    @Test(arguments: [
        ("2024-05-01T12:00:00Z", 1_714_564_800.0),
        ("2024-05-01T12:00:00.123Z", 1_714_564_800.123),
        ("2024-05-01T12:00:00.1Z", 1_714_564_800.1),
        ("2024-05-01T12:00:00.123456Z", 1_714_564_800.123456),
        ("2024-05-01T14:00:00+02:00", 1_714_564_800.0),
        ("2024-05-01T07:30:00-04:30", 1_714_564_800.0),
        ("2024-05-01T12:00:00+00:00", 1_714_564_800.0),
        ("2024-05-01T12:00:00-00:00", 1_714_564_800.0),
        ("2024-05-02T00:30:00+12:30", 1_714_564_800.0),
        ("1994-11-06T08:49:37Z", 784_111_777.0),
        ("1969-12-31T23:59:59.999Z", -0.001),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
    ])
    func parsesInstants(text: String, seconds: Double) throws {
        let date = try #require(FHIRInstant.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test func missingZoneMeansUTC() {
        #expect(FHIRInstant.parse("2024-05-01T12:00:00") == FHIRInstant.parse("2024-05-01T12:00:00Z"))
    }

    @Test(arguments: [
        ("2024-05-01", "2024-05-01T00:00:00.000Z"),
        ("2000-02-29", "2000-02-29T00:00:00.000Z"),
        ("1969-07-20", "1969-07-20T00:00:00.000Z"),
        ("2024-05", "2024-05-01T00:00:00.000Z"),
        ("2024", "2024-01-01T00:00:00.000Z"),
    ])
    func parsesDatesAndPartialDateTimesAsTheirStart(text: String, expected: String) throws {
        let date = try #require(FHIRInstant.parse(text))
        #expect(FHIRInstant.format(date) == expected)
    }

    @Test(arguments: [
        "", "abc", "24-05-01", "2024-5-01", "2024-05-1", "2024/05/01", "20240501", "2024-",
        "2024-00-01", "2024-13-01", "2024-05-00", "2024-05-32", "2024-04-31", "2023-02-29", "2100-02-29",
        "2024-05-01T", "2024-05-01T12", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z", "2024-05-01T12:00:61Z",
        "2024-05-01 12:00:00Z", "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00X", "2024-05-01T12:00:00+0200",
        "2024-05-01T12:00:00+02", "2024-05-01T12:00:00+24:00", "2024-05-01T12:00:00+02:60", "2024-05-01T12:00:00Zjunk",
        "2024-05-01T12:00:00z", "-2024-05-01", "２０２４-05-01",
    ])
    func rejectsGarbage(text: String) {
        #expect(FHIRInstant.parse(text) == nil)
    }
}
