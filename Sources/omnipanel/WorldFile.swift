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
    static func describe(_ error: DecodingError) -> String { error.summary }
}
