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
