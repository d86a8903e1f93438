namespace OrderConsole.Hubs.Relay;

/// <summary>The relay's keys beside the store's, under its prefix.</summary>
public static class RelayKeys
{
    /// <summary>Starts each send's mark: <c>{prefix}hub:sent:{event id}:{send}:{channel}</c>.</summary>
    public static string SentMarks(string prefix) => prefix + "hub:sent:";
}
