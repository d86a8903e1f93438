namespace OrderConsole.Core.Redis;

/// <summary>Running Lua scripts by digest with a transparent fallback to the full text.</summary>
public sealed partial class RedisConnection
{
    /// <summary>
    /// Runs the script with EVALSHA; when the server answers NOSCRIPT (restart, failover, SCRIPT FLUSH) it sends the
    /// text with EVAL, which also caches it again. NOSCRIPT means the script did not run, so the second send is safe.
    /// </summary>
    public async Task<RedisReply> EvaluateAsync(
        RedisScript script,
        IReadOnlyList<RedisArgument>? keys = null,
        IReadOnlyList<RedisArgument>? args = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await ExecuteAsync(EvalRequest("EVALSHA", script.Sha1, keys, args), cancellationToken: cancellationToken);
        }
        catch (RedisServerException ex) when (ex.Prefix == "NOSCRIPT")
        {
            return await ExecuteAsync(EvalRequest("EVAL", script.Text, keys, args), cancellationToken: cancellationToken);
        }
    }

    private static RedisArgument[] EvalRequest(string command, string script, IReadOnlyList<RedisArgument>? keys, IReadOnlyList<RedisArgument>? args)
    {
        var keyCount = keys?.Count ?? 0;
        var argCount = args?.Count ?? 0;
        var request = new RedisArgument[3 + keyCount + argCount];
        request[0] = command;
        request[1] = script;
        request[2] = keyCount;
        for (var i = 0; i < keyCount; i++)
        {
            request[3 + i] = keys![i];
        }

        for (var i = 0; i < argCount; i++)
        {
            request[3 + keyCount + i] = args![i];
        }

        return request;
    }
}
