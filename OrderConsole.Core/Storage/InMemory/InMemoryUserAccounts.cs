using OrderConsole.Core.Storage.Journal;
using OrderConsole.Core.Users;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// Users and data-protection keys for the embedded store; copies go in and out so callers never share state.
/// With a <see cref="StoreJournal"/> every change is journaled, so accounts and sign-in cookies outlive restarts.
/// </summary>
public sealed class InMemoryUserAccounts(StoreJournal? journal = null) : IUserAccounts, IKeyRingStore, IJournalled
{
    private static readonly JournalKind<ConsoleUser> s_userSaved = new("user");
    private static readonly JournalKind<string> s_userDeleted = new("user_deleted");
    private static readonly JournalKind<StoredKey> s_keyStored = new("data_protection_key");

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConsoleUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public Task<ConsoleUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_users.GetValueOrDefault(userId)?.Copy());
        }
    }

    public Task<ConsoleUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_users.Values.FirstOrDefault(user => user.NormalizedUserName == normalizedUserName)?.Copy());
        }
    }

    public Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ConsoleUser> users = [.. _users.Values.OrderBy(user => user.UserName, StringComparer.Ordinal).Select(user => user.Copy())];
            return Task.FromResult(users);
        }
    }

    public Task<bool> CreateAsync(ConsoleUser user, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_users.ContainsKey(user.Id) || _users.Values.Any(other => other.NormalizedUserName == user.NormalizedUserName))
            {
                return Task.FromResult(false);
            }

            _users[user.Id] = user.Copy();
            journal?.Append([s_userSaved.Of(user)]);
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateAsync(ConsoleUser user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_users.TryGetValue(user.Id, out var current)
                || current.ConcurrencyStamp != expectedConcurrencyStamp
                || _users.Values.Any(other => other.Id != user.Id && other.NormalizedUserName == user.NormalizedUserName))
            {
                return Task.FromResult(false);
            }

            _users[user.Id] = user.Copy();
            journal?.Append([s_userSaved.Of(user)]);
            return Task.FromResult(true);
        }
    }

    public Task DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_users.Remove(userId))
            {
                journal?.Append([s_userDeleted.Of(userId)]);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> keys = [.. _keys.Values];
            return Task.FromResult(keys);
        }
    }

    public Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _keys[name] = xml;
            journal?.Append([s_keyStored.Of(new StoredKey(name, xml))]);
            return Task.CompletedTask;
        }
    }

    public void RegisterReplay(JournalReplay replay) => replay
        .On(s_userSaved, user => _users[user.Id] = user)
        .On(s_userDeleted, userId => _users.Remove(userId))
        .On(s_keyStored, key => _keys[key.Name] = key.Xml);

    public IReadOnlyList<JournalChange> Snapshot()
    {
        lock (_lock)
        {
            return [.. _users.Values.Select(user => s_userSaved.Of(user.Copy())), .. _keys.Select(pair => s_keyStored.Of(new StoredKey(pair.Key, pair.Value)))];
        }
    }

    /// <summary>A data-protection key as the framework named and wrote it.</summary>
    private sealed record StoredKey(string Name, string Xml);
}
