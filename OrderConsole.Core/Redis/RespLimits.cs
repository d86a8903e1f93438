namespace OrderConsole.Core.Redis;

/// <summary>Bounds the parser enforces on replies, so a corrupt or hostile length never turns into a huge allocation.</summary>
public sealed record RespLimits
{
    /// <summary>Largest bulk string accepted; 512 MB, the largest value Redis itself stores.</summary>
    public long MaxBulkLength { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most elements accepted in one array; far above any reply the console expects.</summary>
    public long MaxArrayLength { get; init; } = 16L * 1024 * 1024;

    /// <summary>Longest simple-string or error line accepted.</summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of arrays accepted; the parser recurses once per level.</summary>
    public int MaxDepth { get; init; } = 64;

    public static RespLimits Default { get; } = new();
}
