import Foundation
import Testing
import UCUM

/// The essence compiler: reads ucum-essence.xml, refuses broken input, and reproduces the
/// committed source.
@Suite("UCUM essence compiler")
struct EssenceCompilerTests {
    @Test("The committed source is what the compiler produces from the essence")
    func committedSourceIsCurrent() throws {
        let essence = try UCUMEssenceCompiler.read(contentsOf: essenceURL)
        #expect(essence.version == "2.2")
        #expect(essence.prefixes.count == 24)
        #expect(essence.baseUnits.count == 7)
        #expect(essence == UCUMEssence.standard)
        let committed = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/UCUM/Generated/UCUMEssence+Standard.swift"),
            encoding: .utf8
        )
        #expect(UCUMEssenceCompiler.swiftSource(for: essence) == committed)
    }

    @Test("The compiled essence has the units and flags of the XML")
    func standardEssence() throws {
        let units = Dictionary(UCUMEssence.standard.units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let celsius = try #require(units["Cel"])
        #expect(celsius.isSpecial)
        #expect(celsius.function == UCUMFunctionDefinition(name: "Cel", value: "1", unit: "K"))
        #expect(try #require(units["[IU]"]).isArbitrary)
        #expect(try #require(units["[in_i]"]).isMetric == false)
        #expect(try #require(units["L"]).isMetric)
    }

    @Test("Truncated XML is refused")
    func truncatedInput() throws {
        let xml = """
            <?xml version="1.0" encoding="ascii"?>
            <root version="2.2" revision-date="2024-06-17">
               <prefix Code="k" CODE="K"><name>kilo</name><value value="1e3">1000</value></prefix>
               <base-unit Code="m" CODE="M" dim="L"><name>meter</name><property>length</property></base-unit>
               <unit Code="L" CODE="L" isMetric="yes" class="iso1000"><name>liter</name>
            """
        #expect(throws: UCUMError.self) { try UCUMEssenceCompiler.read(Data(xml.utf8)) }
    }

    @Test("A minimal complete essence is read")
    func minimalEssence() throws {
        let xml = """
            <?xml version="1.0" encoding="ascii"?>
            <root version="9" revision-date="2000-01-01">
               <prefix Code="k" CODE="K"><name>kilo</name><value value="1e3">1000</value></prefix>
               <base-unit Code="m" CODE="M" dim="L"><name>meter</name><property>length</property></base-unit>
               <unit Code="km2" CODE="KM2" isMetric="no" class="x"><name>square kilometre</name>
                  <property>area</property><value Unit="km.km" UNIT="KM.KM" value="1">1</value></unit>
            </root>
            """
        let essence = try UCUMEssenceCompiler.read(Data(xml.utf8))
        #expect(essence.units.map(\.code) == ["km2"])
        let system = try UCUMSystem(essence: essence)
        #expect(try system.convert(1, from: "km2", to: "m2") == 1_000_000)
    }

    @Test("A unit defined by an unknown unit is refused when the system is built")
    func inconsistentEssence() {
        let essence = UCUMEssence(
            version: "0", revisionDate: "",
            prefixes: [UCUMPrefixDefinition(code: "k", name: "kilo", value: "1e3")],
            baseUnits: [UCUMBaseUnitDefinition(code: "m", name: "meter", dimension: "L", property: "length")],
            units: [UCUMUnitDefinition(code: "x", name: "x", property: "", unitClass: "", isMetric: false, valueUnit: "nope", value: "1")]
        )
        #expect(throws: UCUMError.self) { try UCUMSystem(essence: essence) }
    }

    @Test("String literals escape quotes and backslashes")
    func escaping() {
        let essence = UCUMEssence(
            version: "a\"b\\c", revisionDate: "", prefixes: [], baseUnits: [], units: []
        )
        #expect(UCUMEssenceCompiler.swiftSource(for: essence).contains(#"version: "a\"b\\c","#))
    }
}
