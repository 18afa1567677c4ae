/// The world's tables for conversation control: queues and colleagues to transfer to or consult,
/// the administrator's quick replies, disposition codes and knowledge articles.
extension World {
    /// A queue a conversation can be transferred to.
    public struct Queue: Sendable, Codable, Equatable {
        /// The queue's name, as typed in `transfer queue <name>`.
        public var name: String
        /// Creates a queue.
        public init(name: String) { self.name = name }
    }

    /// A colleague agent, who can take a transfer or join a consult.
    public struct Agent: Sendable, Codable, Equatable {
        /// The colleague's full name.
        public var name: String
        /// What the colleague answers in a consult, in turn.
        public var lines: [String]
        /// Creates a colleague.
        public init(name: String, lines: [String] = []) {
            self.name = name
            self.lines = lines
        }
    }

    /// An administrator's quick reply: `#tag`s first, then the text sent, with the slugs
    /// `{customer}` and `{agent}` filled in when it is sent.
    public struct QuickReply: Sendable, Codable, Equatable {
        /// The reply as written: `#refund #billing Your refund is on its way, {customer}.`
        public var text: String
        /// Creates a quick reply.
        public init(text: String) { self.text = text }

        /// The tags: the `#word`s the text starts with, lowercased, without their `#`.
        public var tags: [String] { Self.split(text).tags }
        /// The text sent to the customer: the text after its tags, slugs not yet filled in.
        public var message: String { Self.split(text).message }

        /// `text` cut into its leading `#tag` words and the rest.
        static func split(_ text: String) -> (tags: [String], message: String) {
            var words = text.split(separator: " ", omittingEmptySubsequences: true)[...]
            var tags: [String] = []
            while let word = words.first, word.count > 1, word.hasPrefix("#") {
                tags.append(worldKey(String(word.dropFirst())))
                words = words.dropFirst()
            }
            return (tags, words.joined(separator: " "))
        }

        /// The message with `{customer}` and `{agent}` replaced by `customer` and `agent`.
        public func filled(customer: String, agent: String) -> String {
            message.replacing("{customer}", with: customer).replacing("{agent}", with: agent)
        }
    }

    /// A disposition code, chosen when a conversation is closed.
    public struct Disposition: Sendable, Codable, Equatable {
        /// The code, as typed in `close --disposition <code>`.
        public var code: String
        /// Creates a disposition code.
        public init(code: String) { self.code = code }
    }

    /// A knowledge article.
    public struct Article: Sendable, Codable, Equatable {
        /// The article number, typed in `kb open <id>`.
        public var id: Int
        /// The title, shown in lists.
        public var title: String
        /// Words the search weighs above the body's (`password reset login`).
        public var keywords: String
        /// The article's text.
        public var body: String
        /// Creates an article.
        public init(id: Int, title: String, keywords: String = "", body: String = "") {
            self.id = id
            self.title = title
            self.keywords = keywords
            self.body = body
        }

        /// The link sent to the customer: `kb://<id>`.
        public var link: String { "kb://\(id)" }
    }

    /// A record of the conversation-control tables, as a world file's reader hands it on.
    public enum ServiceRecord: Sendable, Equatable {
        case queue(Queue)
        case agent(Agent)
        case quickReply(QuickReply)
        case disposition(Disposition)
        case article(Article)
        /// The world requires a disposition code before a conversation closes.
        case dispositionRequired

        /// What is wrong with the record on its own (an empty name, an id out of range), in
        /// ``World/problems``' words; `nil` when it can be kept.
        public var problem: String? {
            switch self {
            case .queue(let queue): World.problem(name: queue.name, of: "a queue")
            case .agent(let agent): World.problem(name: agent.name, of: "a colleague agent")
            case .quickReply(let reply):
                World.problem(name: reply.text, of: "a quick reply")
                    ?? (reply.message.isEmpty ? "a quick reply has tags but no text" : nil)
            case .disposition(let disposition): World.problem(name: disposition.code, of: "a disposition")
            case .article(let article):
                World.problem(articleID: article.id) ?? World.problem(name: article.title, of: "an article")
            case .dispositionRequired: nil
            }
        }

        /// The kind of record and its key (a lowercased name, or a number); `nil` for a setting.
        public var key: (kind: WorldRecordKind, key: String)? {
            switch self {
            case .queue(let queue): (.queue, worldKey(queue.name))
            case .agent(let agent): (.agent, worldKey(agent.name))
            case .quickReply(let reply): (.quickReply, worldKey(reply.text))
            case .disposition(let disposition): (.disposition, worldKey(disposition.code))
            case .article(let article): (.article, String(article.id))
            case .dispositionRequired: nil
            }
        }
    }

    /// Adds `record` to its table.
    public mutating func add(_ record: ServiceRecord) {
        switch record {
        case .queue(let queue): queues.append(queue)
        case .agent(let agent): agents.append(agent)
        case .quickReply(let reply): quickReplies.append(reply)
        case .disposition(let disposition): dispositions.append(disposition)
        case .article(let article): articles.append(article)
        case .dispositionRequired: requiresDisposition = true
        }
    }

    /// Every conversation-control record of this world, the setting last.
    public var serviceRecords: [ServiceRecord] {
        queues.map(ServiceRecord.queue) + agents.map(ServiceRecord.agent)
            + quickReplies.map(ServiceRecord.quickReply) + dispositions.map(ServiceRecord.disposition)
            + articles.map(ServiceRecord.article) + (requiresDisposition ? [.dispositionRequired] : [])
    }

    /// Why `id` cannot number an article, if it cannot.
    public static func problem(articleID id: Int) -> String? {
        (1...Limits.largestRecordNumber).contains(id)
            ? nil : "article \(id) is out of range (1 to \(Limits.largestRecordNumber))"
    }
}
