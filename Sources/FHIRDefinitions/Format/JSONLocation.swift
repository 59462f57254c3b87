/// Where a value sits in a definitions file. It becomes text only for an error message, so
/// reading thousands of elements builds no strings.
indirect enum JSONLocation: CustomStringConvertible {
    /// The top of a file, by name.
    case file(String)
    /// A member of an object.
    case member(JSONLocation, String)
    /// An item of an array.
    case item(JSONLocation, Int)
    /// A place with a name that helps a reader, such as the element path `(Observation.status)`.
    case named(JSONLocation, String)

    /// The location as text: `types.json.types[12] (Observation).elements[3] (Observation.status)`.
    var description: String {
        switch self {
        case .file(let name): name
        case .member(let parent, let key): "\(parent).\(key)"
        case .item(let parent, let index): "\(parent)[\(index)]"
        case .named(let parent, let name): "\(parent) (\(name))"
        }
    }
}
