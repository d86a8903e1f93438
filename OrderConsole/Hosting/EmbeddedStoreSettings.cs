using System.Globalization;
using OrderConsole.Core.Storage.Journal;

namespace OrderConsole.Hosting;

/// <summary>
/// Reads <c>Storage:*</c> for the embedded store: the data folder (<c>data</c> under the content root unless set;
/// set empty for the volatile mode), the flush policy and the compaction threshold.
/// </summary>
public static class EmbeddedStoreSettings
{
    public const string DefaultDataFolder = "data";

    public static JournalOptions From(IConfiguration configuration, string contentRoot)
    {
        var storage = configuration.GetSection("Storage");
        return new JournalOptions
        {
            DataPath = DataFolder(configuration, contentRoot),
            Fsync = Fsync(storage["Fsync"]),
            CompactionThresholdBytes = (long)(CompactionThresholdMegabytes(storage["CompactionThresholdMB"]) * 1024 * 1024),
        };
    }

    /// <summary>The data folder as a full path, or null in the volatile mode (<c>Storage:DataPath</c> set empty).</summary>
    public static string? DataFolder(IConfiguration configuration, string contentRoot)
    {
        return IsDurable(configuration) ? Path.GetFullPath(configuration["Storage:DataPath"] ?? DefaultDataFolder, contentRoot) : null;
    }

    /// <summary>False when <c>Storage:DataPath</c> is set empty: the volatile mode.</summary>
    public static bool IsDurable(IConfiguration configuration) => configuration["Storage:DataPath"] is not { } setting || !string.IsNullOrWhiteSpace(setting);

    private static JournalFsync Fsync(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "everysec" => JournalFsync.EverySec,
        "always" => JournalFsync.Always,
        "no" => JournalFsync.No,
        _ => throw new InvalidOperationException($"Storage:Fsync is \"{setting}\"; it must be everysec (the default), always or no"),
    };

    private static double CompactionThresholdMegabytes(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return 64;
        }

        return double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var megabytes) && megabytes > 0
            ? megabytes
            : throw new InvalidOperationException($"Storage:CompactionThresholdMB is \"{setting}\"; it must be a positive number of megabytes (default 64)");
    }
}
