/// The built-in demo world.
extension World {
    /// The built-in demo world: enough customers for an hour of rush (46 contacts with varied names,
    /// 8 accounts, 12 cases, case 42 among them) and work items in all three streams, and the
    /// conversation-control tables (``World/demoService(_:)``).
    public static let demo = World.demoService(
        World(
            contacts: [
                Contact(name: "Kenny Smith", account: "Contoso"),
                Contact(name: "José Núñez", account: "Fabrikam"),
                Contact(name: "Maria Campbell", account: "Contoso"),
                Contact(name: "Yvonne McKay", account: "Adventure Works"),
                Contact(name: "Abraham McCormick"),
                Contact(name: "Aiko Tanaka", account: "Northwind Traders"),
                Contact(name: "Amara Okafor", account: "Fabrikam"),
                Contact(name: "Anders Lindqvist", account: "Tailspin Toys"),
                Contact(name: "Ananya Iyer", account: "Woodgrove Bank"),
                Contact(name: "Bruno Costa", account: "Litware"),
                Contact(name: "Carmen Ortega", account: "Contoso"),
                Contact(name: "Chen Wei", account: "Northwind Traders"),
                Contact(name: "Chloé Dubois", account: "Fourth Coffee"),
                Contact(name: "Dmitri Volkov"),
                Contact(name: "Efua Mensah", account: "Woodgrove Bank"),
                Contact(name: "Erik Johansson", account: "Tailspin Toys"),
                Contact(name: "Fatima Al-Sayed", account: "Litware"),
                Contact(name: "Gabriel Silva"),
                Contact(name: "Hannah Becker", account: "Fabrikam"),
                Contact(name: "Hiroshi Sato", account: "Adventure Works"),
                Contact(name: "Ingrid Nilsen", account: "Fourth Coffee"),
                Contact(name: "Isabella Rossi", account: "Contoso"),
                Contact(name: "Jamal Washington"),
                Contact(name: "Jin-woo Park", account: "Northwind Traders"),
                Contact(name: "Kateryna Shevchenko", account: "Litware"),
                Contact(name: "Liam O'Brien", account: "Woodgrove Bank"),
                Contact(name: "Lucía Fernández", account: "Fabrikam"),
                Contact(name: "Diego Herrera"),
                Contact(name: "Mei Lin", account: "Tailspin Toys"),
                Contact(name: "Mohammed Rahman", account: "Adventure Works"),
                Contact(name: "Nadia Haddad", account: "Fourth Coffee"),
                Contact(name: "Niamh Gallagher"),
                Contact(name: "Olga Petrova", account: "Woodgrove Bank"),
                Contact(name: "Omar Farouk", account: "Litware"),
                Contact(name: "Priya Nair", account: "Contoso"),
                Contact(name: "Rafael Mendes", account: "Northwind Traders"),
                Contact(name: "Sakura Yamamoto"),
                Contact(name: "Samuel Adeyemi", account: "Fabrikam"),
                Contact(name: "Sofia Andersson", account: "Tailspin Toys"),
                Contact(name: "Tariq Aziz", account: "Fourth Coffee"),
                Contact(name: "Thandiwe Dlamini", account: "Woodgrove Bank"),
                Contact(name: "Tomás Novák"),
                Contact(name: "Valentina Greco", account: "Adventure Works"),
                Contact(name: "Wanjiru Kamau", account: "Litware"),
                Contact(name: "Yusuf Demir"),
                Contact(name: "Renée Brennan", account: "Contoso"),
            ],
            accounts: [
                Account(name: "Contoso"),
                Account(name: "Fabrikam"),
                Account(name: "Adventure Works"),
                Account(name: "Northwind Traders"),
                Account(name: "Tailspin Toys"),
                Account(name: "Woodgrove Bank"),
                Account(name: "Litware"),
                Account(name: "Fourth Coffee"),
            ],
            cases: [
                CaseRecord(number: 42, title: "Printer on fire", customer: "Kenny Smith"),
                CaseRecord(number: 17, title: "Refund for order 1182", customer: "Maria Campbell"),
                CaseRecord(number: 108, title: "Cannot sign in to portal", customer: "José Núñez"),
                CaseRecord(number: 256, title: "Delivery arrived damaged", customer: "Yvonne McKay"),
                CaseRecord(number: 311, title: "Invoice shows the wrong VAT", customer: "Hannah Becker"),
                CaseRecord(number: 812, title: "Card declined at checkout", customer: "Ananya Iyer"),
                CaseRecord(number: 523, title: "Coffee machine leaks", customer: "Chloé Dubois"),
                CaseRecord(number: 634, title: "Password reset email never arrives", customer: "Jin-woo Park"),
                CaseRecord(number: 745, title: "Toy recall: replacement part", customer: "Erik Johansson"),
                CaseRecord(number: 856, title: "Double charge on the March statement", customer: "Olga Petrova"),
                CaseRecord(number: 967, title: "Licence key not accepted", customer: "Omar Farouk"),
                CaseRecord(number: 2048, title: "Wrong size delivered", customer: "Valentina Greco"),
            ],
            workItems: [
                WorkItem(id: 101, channel: .chat, customer: "Maria Campbell", stream: .mine),
                WorkItem(id: 102, channel: .sms, customer: "Yvonne McKay", stream: .mine),
                WorkItem(id: 201, channel: .chat, customer: "Abraham McCormick", stream: .open),
                WorkItem(id: 202, channel: .social, customer: "José Núñez", stream: .open),
                WorkItem(id: 301, channel: .voice, customer: "Kenny Smith", stream: .closed),
            ]
        ))
}

extension World {
    /// `world` with the demo's queues, colleagues, quick replies, dispositions and articles.
    static func demoService(_ world: World) -> World {
        var world = world
        world.queues = ["Billing", "Technical support", "Returns"].map(Queue.init(name:))
        world.agents = [
            Agent(
                name: "Ravi Patel",
                lines: [
                    "Hi, I'm looking at it now.", "Check the billing history first: is there a second charge?",
                    "You can refund it from the order page; I'll stay on if you need me.",
                ]),
            Agent(
                name: "Mei Chen",
                lines: [
                    "Hello! What do you need?", "Ask them to restart the device and try again.",
                    "If that fails, transfer it to Technical support.",
                ]),
        ]
        world.quickReplies = [
            "#greeting Hello {customer}, my name is {agent}. How can I help you today?",
            "#greeting #followup Welcome back, {customer}! Let's pick up where we left off.",
            "#refund #billing I've started your refund, {customer}; it reaches your card in 3 to 5 working days.",
            "#refund Could you tell me the order number you'd like refunded?",
            "#billing I can see the double charge, {customer}. I'm reversing the second one now.",
            "#delivery Your parcel is on its way; the tracking link shows the latest update.",
            "#delivery I'm sorry your delivery is late, {customer}. Let me check with the carrier.",
            "#signin Please use \"Forgot password\" on the sign-in page; the link lasts 30 minutes.",
            "#signin Your account is unlocked, {customer}. Try signing in again now.",
            "#returns Print the return label from your order page and drop the parcel at any post office.",
            "#hold Thanks for waiting, {customer}. I'm still checking this for you.",
            "#closing Is there anything else I can help you with, {customer}?",
            "#closing Thank you for contacting us, {customer}. Have a great day! {agent}",
        ].map(QuickReply.init(text:))
        world.dispositions = ["Resolved", "Escalated", "No response"].map(Disposition.init(code:))
        world.articles = demoArticles
        return world
    }

    /// A dozen articles for everyday problems.
    private static let demoArticles: [Article] = [
        Article(
            id: 1, title: "Signing in to your account", keywords: "sign in login log on account",
            body: "Go to the sign-in page and enter your email address and password. If you have two-step "
                + "verification on, enter the code we send to your phone."),
        Article(
            id: 2, title: "How to reset your password", keywords: "password reset forgot sign in login",
            body: "Select \"Forgot password\" on the sign-in page and enter your email address. We send a "
                + "link that lasts 30 minutes; open it and choose a new password of at least 12 characters."),
        Article(
            id: 3, title: "Getting a refund", keywords: "refund money back return order",
            body: "Refunds go back to the card you paid with, 3 to 5 working days after we receive the "
                + "returned item. Open the order and select \"Request a refund\" to start one."),
        Article(
            id: 4, title: "My delivery is late", keywords: "delivery late parcel tracking shipping",
            body: "Most parcels arrive within 3 working days. Check the tracking link in your confirmation "
                + "email; if it has not moved for 2 days, contact us and we will ask the carrier."),
        Article(
            id: 5, title: "I was charged twice", keywords: "double charge billing payment card twice",
            body: "A second charge is often a pending authorisation that disappears within 3 days. If both "
                + "charges stay, we refund the second one at once."),
        Article(
            id: 6, title: "Changing your delivery address", keywords: "address change delivery shipping move",
            body: "You can change the address of an order until it is dispatched: open the order and select "
                + "\"Change address\". Your saved addresses are under Account settings."),
        Article(
            id: 7, title: "My device arrived broken", keywords: "broken damaged device faulty return replace",
            body: "Take a photo of the damage and the packaging, then open the order and select \"Report a "
                + "problem\". We send a replacement and a free return label."),
        Article(
            id: 8, title: "Unlocking a locked account", keywords: "locked account sign in attempts",
            body: "After five wrong passwords your account locks for 30 minutes. Reset your password to "
                + "unlock it at once."),
        Article(
            id: 9, title: "Returning an item", keywords: "return label parcel post office",
            body: "You have 30 days to return an item. Print the return label from the order page and drop "
                + "the parcel at any post office."),
        Article(
            id: 10, title: "Updating your payment card", keywords: "card payment billing expired update",
            body: "Open Account settings, then Payment methods, and add the new card before removing the old one."),
        Article(
            id: 11, title: "Cancelling an order", keywords: "cancel order refund",
            body: "An order can be cancelled until it is dispatched; open it and select \"Cancel order\". The "
                + "refund follows within 3 working days."),
        Article(
            id: 12, title: "Setting up two-step verification", keywords: "two-step verification security code sign in",
            body: "Open Account settings, then Security, and turn on two-step verification. Keep the backup "
                + "codes somewhere safe."),
    ]
}
