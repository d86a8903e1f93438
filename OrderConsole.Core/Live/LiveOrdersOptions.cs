namespace OrderConsole.Core.Live;

/// <summary>Bounds of the read model: how many finished orders and recent events it keeps, and how often subscribers re-render.</summary>
public sealed class LiveOrdersOptions
{
    /// <summary>Finished orders kept besides every open one, newest first; older ones are in the store (the API and the export reach them).</summary>
    public int RecentFinishedOrders { get; set; } = 10_000;
    public int RecentEvents { get; set; } = 200;
    public int FeedBatchSize { get; set; } = 500;
    public TimeSpan FeedWait { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MinRenderInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
