import JSONCoding

/// A JSON Schema (draft 2020-12) checker for the part of it `docs/output.schema.json` uses: `type`,
/// `const`, `enum`, `properties`, `required`, `additionalProperties: false`, `items`, `oneOf`,
/// `minimum` and `$ref` to `#/$defs/…`, with `$schema`, `title` and `description` as annotations.
/// Any other keyword is reported as a problem, so the schema cannot promise more than is checked.
/// (Written here because the package takes no JSON Schema library.)
struct JSONSchema {
    /// The whole schema, which `$ref`s point into.
    let root: JSONValue

    init(_ root: JSONValue) { self.root = root }

    /// Why `value` does not match the schema, one line each (`$.panel.focused: …`); empty when it does.
    func problems(_ value: JSONValue) -> [String] { problems(value, schema: root, at: "$") }

    private static let annotations: Set = ["$schema", "title", "description", "$defs"]

    private func problems(_ value: JSONValue, schema: JSONValue, at path: String) -> [String] {
        guard case .object(let keywords) = schema else { return ["\(path): the schema here is not an object"] }
        var found: [String] = []
        for (keyword, argument) in keywords {
            switch keyword {
            case _ where Self.annotations.contains(keyword): continue
            case "$ref":
                found +=
                    reference(argument).map { problems(value, schema: $0, at: path) } ?? [
                        "\(path): no definition \(argument.serialized)"
                    ]
            case "type": if !Self.has(value, type: argument) { found.append("\(path): not \(argument.serialized)") }
            case "const": if value != argument { found.append("\(path): not \(argument.serialized)") }
            case "enum":
                if case .array(let allowed) = argument, !allowed.contains(value) {
                    found.append("\(path): \(value.serialized) is not one of \(argument.serialized)")
                }
            case "minimum":
                if case .number(let number) = value, case .number(let minimum) = argument,
                    let have = Double(number.text), let least = Double(minimum.text), have < least
                {
                    found.append("\(path): \(number) is below \(minimum)")
                }
            case "properties", "additionalProperties", "required": continue  // together, below
            case "items":
                if case .array(let elements) = value {
                    for (index, element) in elements.enumerated() {
                        found += problems(element, schema: argument, at: "\(path)[\(index)]")
                    }
                }
            case "oneOf": found += oneOf(value, argument, at: path)
            default: found.append("\(path): the schema uses \(keyword), which this checker does not know")
            }
        }
        return found + members(value, schema: schema, at: path)
    }

    /// `properties`, `required` and `additionalProperties` (false: no other member), for an object.
    private func members(_ value: JSONValue, schema: JSONValue, at path: String) -> [String] {
        guard case .object(let object) = value else { return [] }
        var found: [String] = []
        let named = Self.objectMembers(Self.member("properties", of: schema))
        if case .array(let required)? = Self.member("required", of: schema) {
            for case .string(let name) in required where !object.contains(where: { $0.0 == name }) {
                found.append("\(path): \(name) is missing")
            }
        }
        let closed = Self.member("additionalProperties", of: schema) == .bool(false)
        for (name, member) in object {
            if let memberSchema = named.first(where: { $0.0 == name })?.1 {
                found += problems(member, schema: memberSchema, at: "\(path).\(name)")
            } else if closed {
                found.append("\(path): \(name) is not in the schema")
            }
        }
        return found
    }

    private func oneOf(_ value: JSONValue, _ argument: JSONValue, at path: String) -> [String] {
        guard case .array(let choices) = argument else { return ["\(path): oneOf is not a list"] }
        let results = choices.map { problems(value, schema: $0, at: path) }
        let matching = results.filter(\.isEmpty).count
        if matching == 1 { return [] }
        if matching > 1 { return ["\(path): matches \(matching) of oneOf"] }
        // None: the branches whose `type` matched say why; when none did, all of them.
        let typed = results.filter {
            !$0.contains { $0.hasPrefix("\(path).type:") || $0 == "\(path): type is missing" }
        }
        return ["\(path): matches none of oneOf"] + (typed.isEmpty ? results : typed).flatMap { $0 }
    }

    private func reference(_ argument: JSONValue) -> JSONValue? {
        guard case .string(let text) = argument, text.hasPrefix("#/$defs/") else { return nil }
        return JSONSchema.member("$defs", of: root).flatMap { JSONSchema.member(String(text.dropFirst(8)), of: $0) }
    }

    private static func has(_ value: JSONValue, type: JSONValue) -> Bool {
        switch type {
        case .array(let types): return types.contains { has(value, type: $0) }
        case .string("null"): if case .null = value { return true }
        case .string("boolean"): if case .bool = value { return true }
        case .string("string"): if case .string = value { return true }
        case .string("array"): if case .array = value { return true }
        case .string("object"): if case .object = value { return true }
        case .string("number"): if case .number = value { return true }
        case .string("integer"): if case .number(let number) = value { return number.isWhole }
        default: return false
        }
        return false
    }

    /// The member `name` of an object, if it is one and has it.
    static func member(_ name: String, of value: JSONValue) -> JSONValue? {
        objectMembers(value).first { $0.0 == name }?.1
    }

    private static func objectMembers(_ value: JSONValue?) -> [(String, JSONValue)] {
        if case .object(let members)? = value { members } else { [] }
    }
}
