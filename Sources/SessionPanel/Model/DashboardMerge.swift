/// One page of a dashboard stream merged from two sorted lists: a window of the catalog's items (none
/// in play) starting at a known position of the catalog's list, and every item in play the stream lists.
///
/// An item's place in the merged list is its place among the catalog's items plus the items in play
/// before it. A catalog item's place is known from the window; an item in play is placed only where the
/// window shows how many catalog items come before it. Asked with the window from `offset − inPlay.count`
/// of `limit + inPlay.count` items, every place from `offset` to `offset + limit` is known.
struct DashboardMerge {
    /// The catalog's window, by number.
    let stored: [Conversation]
    /// Where the window starts in the catalog's list.
    let storedOffset: Int
    /// Whether the window has as many items as were asked for (the catalog may have more after it).
    let windowIsFull: Bool
    /// The items in play the stream lists, by number.
    let inPlay: [Conversation]

    /// The items at places `offset ..< offset + limit` of the merged list (one pass over both lists).
    func items(from offset: Int, limit: Int) -> [Conversation] {
        var page: [Conversation] = []
        var (nextStored, nextInPlay) = (0, 0)
        while nextStored < stored.count || nextInPlay < inPlay.count {
            let takesStored =
                nextInPlay == inPlay.count
                || (nextStored < stored.count && stored[nextStored].id < inPlay[nextInPlay].id)
            let place = storedOffset + nextStored + nextInPlay
            if takesStored {
                if place >= offset && place < offset + limit { page.append(stored[nextStored]) }
                nextStored += 1
            } else {
                // Placed only between window items (or before the first when the window starts the list,
                // or after the last when the catalog has no more): elsewhere unknown catalog items may come before it.
                let known =
                    (storedOffset == 0 || nextStored > 0)
                    && (!windowIsFull || nextStored < stored.count)
                if known && place >= offset && place < offset + limit { page.append(inPlay[nextInPlay]) }
                nextInPlay += 1
            }
        }
        return page
    }
}
