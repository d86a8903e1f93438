using Microsoft.Extensions.Configuration;
using OrderConsole.Core.Storage.Journal;
using OrderConsole.Hosting;

namespace OrderConsole.Tests.Hosting;

/// <summary>How <c>Storage:*</c> chooses the embedded store's data folder and flushing.</summary>
public sealed class EmbeddedStoreSettingsTests
{
    private static readonly string s_contentRoot = Path.Combine(Path.GetTempPath(), "oc-content-root");

    [Fact]
    public void Without_a_setting_the_data_folder_is_data_under_the_content_root_flushed_every_second()
    {
        var options = EmbeddedStoreSettings.From(Settings(), s_contentRoot);

        Assert.Equal(Path.Combine(s_contentRoot, "data"), options.DataPath);
        Assert.Equal(JournalFsync.EverySec, options.Fsync);
        Assert.Equal(64L * 1024 * 1024, options.CompactionThresholdBytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_data_path_keeps_the_store_volatile(string dataPath)
    {
        var options = EmbeddedStoreSettings.From(Settings(("Storage:DataPath", dataPath)), s_contentRoot);

        Assert.False(options.IsDurable);
    }

    [Fact]
    public void A_relative_data_path_is_under_the_content_root_and_the_settings_are_read()
    {
        var options = EmbeddedStoreSettings.From(
            Settings(("Storage:DataPath", "state/journal"), ("Storage:Fsync", "Always"), ("Storage:CompactionThresholdMB", "0.5")), s_contentRoot);

        Assert.Equal(Path.Combine(s_contentRoot, "state", "journal"), options.DataPath);
        Assert.Equal(JournalFsync.Always, options.Fsync);
        Assert.Equal(512 * 1024, options.CompactionThresholdBytes);
    }

    [Fact]
    public void An_unknown_flush_policy_is_refused_in_words()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => EmbeddedStoreSettings.From(Settings(("Storage:Fsync", "sometimes")), s_contentRoot));

        Assert.Equal("Storage:Fsync is \"sometimes\"; it must be everysec (the default), always or no", refused.Message);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
}
