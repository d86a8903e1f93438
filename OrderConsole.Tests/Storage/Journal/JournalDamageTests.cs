using Microsoft.Extensions.Logging;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.Journal;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>
/// A crash can cut the journal's last write short, and a disk can damage one: the store starts with every
/// complete, intact write before the damage, says so in its log, and goes on appending after them.
/// </summary>
public sealed class JournalDamageTests : IDisposable
{
    private readonly JournalFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Where to cut the last record: inside its length, inside its checksum, one byte into its payload, one byte before its end.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(-1)]
    public async Task A_journal_cut_mid_record_starts_with_every_complete_record_and_warns(int cutInsideLastRecord)
    {
        var lastRecordStart = await WriteSuppliersAsync(5);
        var lastRecordEnd = new FileInfo(_folder.JournalFile).Length;
        var cutAt = cutInsideLastRecord > 0 ? lastRecordStart + cutInsideLastRecord : lastRecordEnd + cutInsideLastRecord;
        Cut(cutAt);

        using var reopened = _folder.Open();

        Assert.Equal(["S0", "S1", "S2", "S3"], (await reopened.Orders.ListSuppliersAsync()).Select(supplier => supplier.Name));
        var warning = Assert.Single(_folder.Log.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("incomplete record", warning.Message, StringComparison.Ordinal);
        Assert.Contains("4 complete writes", warning.Message, StringComparison.Ordinal);
        Assert.Equal(JournalDamage.TornTail, reopened.Journal!.Replayed!.Damage);
    }

    [Fact]
    public async Task Writes_after_a_cut_record_are_read_at_the_next_start()
    {
        var lastRecordStart = await WriteSuppliersAsync(3);
        Cut(lastRecordStart + 10);
        using (var reopened = _folder.Open())
        {
            await reopened.Orders.SaveSupplierAsync(new Supplier("after", "After the cut", "AFT"));
        }

        using var again = _folder.Open();

        Assert.Equal(["After the cut", "S0", "S1"], (await again.Orders.ListSuppliersAsync()).Select(supplier => supplier.Name));
        Assert.Equal(JournalDamage.None, again.Journal!.Replayed!.Damage);
    }

    [Fact]
    public async Task A_record_damaged_before_the_end_keeps_the_records_before_it_and_a_copy_of_the_whole_file()
    {
        await WriteSuppliersAsync(4);
        var bytes = File.ReadAllBytes(_folder.JournalFile);
        var secondRecordPayload = SecondRecordStart(bytes) + JournalFrame.PrefixSize + 3;
        bytes[secondRecordPayload] ^= 0x20;
        File.WriteAllBytes(_folder.JournalFile, bytes);

        using var reopened = _folder.Open();

        Assert.Equal(["S0"], (await reopened.Orders.ListSuppliersAsync()).Select(supplier => supplier.Name));
        var error = Assert.Single(_folder.Log.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        var copy = Assert.Single(Directory.GetFiles(_folder.Path, "journal-damaged-*"));
        Assert.Equal(bytes, File.ReadAllBytes(copy));
    }

    /// <summary>Writes one supplier per write and returns where the last write's record starts.</summary>
    private async Task<long> WriteSuppliersAsync(int count)
    {
        long lastStart = 0;
        using var store = _folder.Open();
        for (var i = 0; i < count; i++)
        {
            lastStart = store.Journal!.Length;
            await store.Orders.SaveSupplierAsync(new Supplier($"s{i}", $"S{i}", $"S{i}X"));
        }

        return lastStart;
    }

    private void Cut(long length)
    {
        using var file = new FileStream(_folder.JournalFile, FileMode.Open);
        file.SetLength(length);
    }

    private static int SecondRecordStart(byte[] bytes)
    {
        var (firstLength, _) = JournalFrame.ReadPrefix(bytes.AsSpan(JournalFrame.HeaderSize));
        return JournalFrame.HeaderSize + JournalFrame.PrefixSize + firstLength;
    }
}
