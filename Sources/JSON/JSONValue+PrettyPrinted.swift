extension JSONValue {
    /// The value as indented UTF-8 JSON with every object's keys sorted by their UTF-8 bytes: the state
    /// file format, byte for byte what `JSONEncoder` writes with `.prettyPrinted`,
    /// `.sortedKeys` and `.withoutEscapingSlashes`. Two spaces per level, `"key" : value`, an empty array
    /// as `[`, an empty line and `]`; only `"`, `\` and control characters are escaped (short forms where
    /// JSON has them, else `\u00xx`), and U+2028 and U+2029; everything else is written as it is. No
    /// newline at the end. ``PrettyJSONWriter`` writes the same a piece at a time.
    public var prettyPrinted: [UInt8] {
        var writer = PrettyJSONWriter()
        writer.write(self)
        return writer.take()
    }
}
