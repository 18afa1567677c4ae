internal import JSONCoding

/// How the members of a value's JSON (its ``SavedState`` form, the one place the core says what a
/// value holds) correspond to the columns of a table: written by binding the members, read by
/// building the object again. A member the JSON leaves out (an optional that is `nil`) is `NULL`, or
/// the column's ``Column/absent`` value; a `NULL` column is left out again when read.
struct RowShape {
    /// What a column holds.
    enum Kind {
        /// A whole number.
        case integer
        /// Text.
        case text
        /// A JSON `true`/`false` as 1/0.
        case flag
    }

    /// A column and the member it holds.
    struct Column {
        let name: String
        let key: String
        let kind: Kind
        /// What the column holds when the member is left out (`nil`: `NULL`).
        let absent: JSONValue?

        init(_ name: String, _ key: String, _ kind: Kind, absent: JSONValue? = nil) {
            self.name = name
            self.key = key
            self.kind = kind
            self.absent = absent
        }
    }

    /// The table.
    let table: String
    /// The columns that say whose row it is (a conversation, a position), bound before the members.
    let owners: [String]
    /// The members' columns.
    let columns: [Column]

    /// `INSERT INTO table (owners…, columns…) VALUES (?1, …)`; `upsert` replaces a row with the same key.
    func insert(upsert: Bool = false) -> String {
        let names = owners + columns.map(\.name)
        let values = (1...names.count).map { "?\($0)" }.joined(separator: ", ")
        return
            "INSERT \(upsert ? "OR REPLACE " : "")INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(values))"
    }

    /// The members' columns for a `SELECT`, in order (without the owners).
    var selected: String { columns.map(\.name).joined(separator: ", ") }

    /// Binds the members of `object` to `statement` from parameter `first`.
    func bind(_ object: JSONValue, to statement: Statement, from first: Int32) throws(StorageError) {
        guard case .object(let members) = object else { throw StorageError("\(table): a row is not a JSON object") }
        for (offset, column) in columns.enumerated() {
            let index = first + Int32(offset)
            let value = members.first { $0.0 == column.key }?.1 ?? column.absent ?? .null
            switch (column.kind, value) {
            case (_, .null): try statement.bind(nil as String?, at: index)
            case (.integer, .number(let number)):
                guard let integer = number.integer(Int.self) else {
                    throw StorageError("\(table).\(column.name): \(number.text) is not a whole number")
                }
                try statement.bind(integer, at: index)
            case (.text, .string(let text)): try statement.bind(text, at: index)
            case (.flag, .bool(let flag)): try statement.bind(flag ? 1 : 0, at: index)
            default: throw StorageError("\(table).\(column.name): \(value.serialized) is not what the column holds")
            }
        }
    }

    /// The members read from `statement`'s columns from `first` on (in ``columns``' order).
    func members(of statement: Statement, from first: Int32) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        for (offset, column) in columns.enumerated() {
            let index = first + Int32(offset)
            guard !statement.isNull(at: index) else { continue }
            switch column.kind {
            case .integer: members.append((column.key, .number(statement.int(at: index))))
            case .text: members.append((column.key, .string(statement.string(at: index) ?? "")))
            case .flag: members.append((column.key, .bool(statement.int(at: index) != 0)))
            }
        }
        return members
    }
}
