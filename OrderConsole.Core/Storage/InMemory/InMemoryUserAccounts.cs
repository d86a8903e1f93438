using OrderConsole.Core.Users;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>Users and data-protection keys for the embedded store; copies go in and out so callers never share state.</summary>
public sealed class InMemoryUserAccounts : IUserAccounts, IKeyRingStore
{
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
            return Task.FromResult(true);
        }
    }

    public Task DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _users.Remove(userId);
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
            return Task.CompletedTask;
        }
    }
}
