/// The names in a folder.
public enum FolderListing {
    /// The names of the entries of `folder`, without `.` and `..`, in no particular order.
    public static func names(in folder: String) throws(SystemError) -> [String] {
        guard let directory = opendir(folder) else { throw .current }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
