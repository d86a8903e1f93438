namespace OrderConsole.Core.Users;

/// <summary>
/// Where the console keeps its data-protection keys (as the XML the framework writes), so a cookie issued
/// by one instance can be read by every other.
/// </summary>
public interface IKeyRingStore
{
    Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default);

    Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default);
}
