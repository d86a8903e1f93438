using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// Proof images on Redis as binary values: <c>{p}proof:{order id}:{proof id}</c> hash (photo, signature) and
/// <c>{p}proof:bytes</c>, the bytes all proofs hold together. A save that would take that total past
/// <paramref name="capBytes"/> is refused whole, so Redis's memory is never filled with photos.
/// </summary>
public sealed class RedisProofStore(RedisStoreConnection redis, RedisStoreOptions options, long capBytes) : IProofStore
{
    private readonly string _prefix = options.KeyPrefix;

    public long CapBytes => capBytes;

    public async Task SaveAsync(Guid orderId, string proofId, ProofImagesToKeep images, CancellationToken cancellationToken = default)
    {
        var saved = await redis.RunScriptAsync(
            RedisProofScripts.Save,
            [_prefix, Key(orderId, proofId), capBytes, images.Photo ?? RedisValue.EmptyString, images.Signature ?? RedisValue.EmptyString],
            cancellationToken);
        if ((int)saved == 0)
        {
            throw new ProofStorageFullException(capBytes);
        }
    }

    public async Task<byte[]?> ReadAsync(Guid orderId, string proofId, ProofPart part, CancellationToken cancellationToken = default)
    {
        var value = await redis.RunAsync("HGET", db => db.HashGetAsync(Key(orderId, proofId), Field(part)), cancellationToken);
        return value.IsNullOrEmpty ? null : (byte[]?)value;
    }

    public Task DeleteAsync(Guid orderId, string proofId, CancellationToken cancellationToken = default) =>
        redis.RunScriptAsync(RedisProofScripts.Delete, [_prefix, Key(orderId, proofId)], cancellationToken);

    /// <summary>The bytes every kept proof holds together.</summary>
    public async Task<long> TotalBytesAsync(CancellationToken cancellationToken = default)
    {
        var total = await redis.RunAsync("GET", db => db.StringGetAsync(_prefix + "proof:bytes"), cancellationToken);
        return total.IsNullOrEmpty ? 0 : (long)total;
    }

    private string Key(Guid orderId, string proofId) => $"{_prefix}proof:{orderId:N}:{proofId}";

    private static string Field(ProofPart part) => part == ProofPart.Photo ? "photo" : "signature";
}

/// <summary>The Lua scripts of proof images: one checks the size cap and writes, one removes and gives the bytes back.</summary>
internal static class RedisProofScripts
{
    /// <summary>ARGV: prefix, proof key, cap (bytes), photo or "", signature or "". 1 when kept, 0 when over the cap (nothing written).</summary>
    public static string Save { get; } = """
        local total_key = ARGV[1] .. 'proof:bytes'
        local old = redis.call('HSTRLEN', ARGV[2], 'photo') + redis.call('HSTRLEN', ARGV[2], 'signature')
        local new = string.len(ARGV[4]) + string.len(ARGV[5])
        local total = tonumber(redis.call('GET', total_key) or '0')
        if total - old + new > tonumber(ARGV[3]) then return 0 end
        redis.call('DEL', ARGV[2])
        if ARGV[4] ~= '' then redis.call('HSET', ARGV[2], 'photo', ARGV[4]) end
        if ARGV[5] ~= '' then redis.call('HSET', ARGV[2], 'signature', ARGV[5]) end
        redis.call('INCRBY', total_key, new - old)
        return 1
        """;

    /// <summary>ARGV: prefix, proof key. Removes the proof and takes its bytes off the total.</summary>
    public static string Delete { get; } = """
        local old = redis.call('HSTRLEN', ARGV[2], 'photo') + redis.call('HSTRLEN', ARGV[2], 'signature')
        if old == 0 and redis.call('EXISTS', ARGV[2]) == 0 then return 0 end
        redis.call('DEL', ARGV[2])
        redis.call('DECRBY', ARGV[1] .. 'proof:bytes', old)
        return 1
        """;

    public static IReadOnlyList<string> All { get; } = [Save, Delete];
}
