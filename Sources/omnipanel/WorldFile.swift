import SessionPanel
import SystemIO

/// Reads a world from a JSON file, with errors that name the file and the problem.
enum WorldFile {
    /// Why a world file could not be used, as one line naming the file.
    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The world in `path`, read up to ``InputLimit/worldBytes``.
    static func load(_ path: String) throws -> World {
        let bytes: [UInt8]
        let name = VisibleText.escaped(path)
        do throws(ReadFailure) {
            bytes = try InputFile.read(path, limit: InputLimit.worldBytes)
        } catch {
            throw Failure("cannot read world file \(name): \(error)")
        }
        let world: World
        do {
            world = try JSONValueDecoder().decode(World.self, from: bytes)
        } catch let error as JSONSyntaxError {
            throw Failure("world file \(name): not valid JSON: \(error)")
        } catch let error as DecodingError {
            throw Failure("world file \(name): \(describe(error))")
        } catch {
            throw Failure("world file \(name): \(error)")
        }
        if let problem = world.problems.first {
            throw Failure("world file \(name): \(problem)")
        }
        return world
    }

    /// A decoding error as one readable line: what is wrong and where (e.g. `cases[1].title`).
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
            return trimmed.isEmpty ? "the top level" : trimmed
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" in \(place(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)) should be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) should be \(describe(type)), not null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            if context.debugDescription.hasPrefix("unknown member") { return "\(place(context.codingPath)) is not a known member" }
            return "\(place(context.codingPath)) has an invalid value"
        @unknown default:
            return "not a valid world"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        default: type is any Collection.Type && !"\(type)".hasPrefix("Dictionary") ? "a list" : "an object"
        }
    }
}
