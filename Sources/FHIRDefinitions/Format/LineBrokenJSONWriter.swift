import FHIRModel

/// Writes compact JSON with one item per line in the arrays named, so the compiled files stay
/// small yet a change to one element or parameter shows as a one-line diff.
struct LineBrokenJSONWriter {
    /// The member names whose arrays get one item per line.
    let brokenKeys: Set<String>

    /// The JSON text of `value`, ending in a line break.
    func serialize(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        write(value, key: nil, into: &output)
        output.append(0x0A)
        return output
    }

    private func write(_ value: JSONValue, key: String?, into output: inout [UInt8]) {
        let serializer = JSONSerializer()
        switch value {
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                serializer.write(.string(member.key), into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, key: member.key, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let items):
            let broken = key.map(brokenKeys.contains) ?? false
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                if broken { output.append(0x0A) }
                write(item, key: nil, into: &output)
            }
            if broken && !items.isEmpty { output.append(0x0A) }
            output.append(UInt8(ascii: "]"))
        default:
            serializer.write(value, into: &output)
        }
    }
}
