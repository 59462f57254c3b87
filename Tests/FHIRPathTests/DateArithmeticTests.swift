import FHIRPath
import FHIRModel
import Testing

@Suite struct DateArithmeticTests {
    @Test func addingAMonthClampsTheDay() throws {
        #expect(try json("@2023-01-31 + 1 month") == ["2023-02-28"])
    }

    @Test func addingDaysCrossesYears() throws {
        #expect(try json("@1973-12-25 + 7 days") == ["1974-01-01"])
    }

    @Test func hoursAreTruncatedToTheDatePrecision() throws {
        #expect(try json("@1973-12-25 + 25 'h'") == ["1973-12-26"])
    }

    @Test func ucumYearsCannotMoveDates() {
        #expect(throws: FHIRPathError.self) { try evaluate("@1973-12-25 + 1 'a'") }
    }

    @Test func timesWrapAroundMidnight() throws {
        #expect(try json("@T23:30 + 1 hour") == ["00:30"])
    }
}
