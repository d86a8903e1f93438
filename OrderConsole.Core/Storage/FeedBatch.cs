using OrderConsole.Core.Events;

namespace OrderConsole.Core.Storage;

/// <summary>
/// What one feed read returned. <see cref="Trimmed"/> means the position asked for is no longer in the
/// bounded feed, so the reader must reload its snapshot instead of replaying.
/// </summary>
public sealed record FeedBatch(IReadOnlyList<OrderEvent> Events, bool Trimmed = false)
{
    public static FeedBatch Empty { get; } = new([]);

    public static FeedBatch TrimmedAway { get; } = new([], Trimmed: true);
}
