using System.Globalization;

namespace OrderConsole.Hosting;

/// <summary>
/// Reads <c>Proof:*</c>: the folder proof-of-delivery images are kept in on the embedded store (<c>proof</c> in the
/// data folder unless <c>Proof:Folder</c> names another) and the most all of them may take on Redis (<c>Proof:MaxTotalMB</c>).
/// </summary>
public static class ProofStoreSettings
{
    public const string DefaultFolder = "proof";
    public const double DefaultMaxTotalMegabytes = 1024;

    /// <summary>The folder as a full path, or null in the volatile mode (no data folder and no <c>Proof:Folder</c>).</summary>
    public static string? Folder(IConfiguration configuration, string contentRoot)
    {
        if (configuration["Proof:Folder"] is { Length: > 0 } folder)
        {
            return Path.GetFullPath(folder, contentRoot);
        }

        return EmbeddedStoreSettings.DataFolder(configuration, contentRoot) is { } data ? Path.Combine(data, DefaultFolder) : null;
    }

    public static long MaxTotalBytes(IConfiguration configuration)
    {
        var setting = configuration["Proof:MaxTotalMB"];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return (long)(DefaultMaxTotalMegabytes * 1024 * 1024);
        }

        return double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var megabytes) && megabytes > 0
            ? (long)(megabytes * 1024 * 1024)
            : throw new InvalidOperationException($"Proof:MaxTotalMB is \"{setting}\"; it must be a positive number of megabytes (default 1024)");
    }
}
