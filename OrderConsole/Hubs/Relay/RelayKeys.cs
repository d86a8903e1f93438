namespace OrderConsole.Hubs.Relay;

/// <summary>The relay's keys beside the store's, under its prefix.</summary>
public static class RelayKeys
{
    /// <summary>The consumer group on the feed stream that the relaying instance reads through.</summary>
    public const string Group = "hub-relay";

    /// <summary>Holds the name of the relaying instance while its lease lasts.</summary>
    public static string Lease(string prefix) => prefix + "hub:relay:lease";

    /// <summary>Starts each send's mark: <c>{prefix}hub:sent:{event id}:{send}:{channel}</c>.</summary>
    public static string SentMarks(string prefix) => prefix + "hub:sent:";
}
