namespace OrderConsole.Core.Users;

/// <summary>
/// The storage port for console users, kept in the same store as orders so every instance sees the same
/// accounts. Names are looked up by their normalized form; saves are checked against the concurrency stamp.
/// </summary>
public interface IUserAccounts
{
    Task<ConsoleUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default);

    Task<ConsoleUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default);

    /// <summary>Every user, by user name.</summary>
    Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a user; false when the user name is taken.</summary>
    Task<bool> CreateAsync(ConsoleUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a user if nobody saved it since <paramref name="expectedConcurrencyStamp"/>; false otherwise or when
    /// a new user name is taken. The saved user carries <paramref name="user"/>'s new concurrency stamp.
    /// </summary>
    Task<bool> UpdateAsync(ConsoleUser user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default);

    Task DeleteAsync(string userId, CancellationToken cancellationToken = default);
}
