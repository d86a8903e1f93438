namespace OrderConsole.Core.Storage.Files;

/// <summary>
/// Proof images as files in a folder (by default <c>proof/</c> in the embedded store's data folder): one folder per
/// order, one file per image named by the proof's id. Files are written under a temporary name and renamed, so a
/// crash never leaves half an image under a name a reader would open.
/// </summary>
public sealed class FolderProofStore(string folder) : IProofStore
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SaveAsync(Guid orderId, string proofId, ProofImagesToKeep images, CancellationToken cancellationToken = default)
    {
        var orderFolder = Directory.CreateDirectory(OrderFolder(orderId)).FullName;
        foreach (var part in Enum.GetValues<ProofPart>())
        {
            if (images.Of(part) is { } bytes)
            {
                var path = Path.Combine(orderFolder, FileName(proofId, part));
                var temporary = path + ".partial";
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
        }
    }

    public async Task<byte[]?> ReadAsync(Guid orderId, string proofId, ProofPart part, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(OrderFolder(orderId), FileName(proofId, part));
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(Guid orderId, string proofId, CancellationToken cancellationToken = default)
    {
        foreach (var part in Enum.GetValues<ProofPart>())
        {
            File.Delete(Path.Combine(OrderFolder(orderId), FileName(proofId, part)));
        }

        return Task.CompletedTask;
    }

    private string OrderFolder(Guid orderId) => Path.Combine(Folder, orderId.ToString("N"));

    /// <summary>The proof id is ours (hex digits), never the uploader's file name, so it cannot step out of the folder.</summary>
    private static string FileName(string proofId, ProofPart part)
    {
        if (proofId.Length == 0 || !proofId.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"a proof id is hex digits, not \"{proofId}\"", nameof(proofId));
        }

        return part == ProofPart.Photo ? $"{proofId}.photo.jpg" : $"{proofId}.signature.png";
    }
}
