using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OrderConsole.Core.Redis;

/// <summary>A Lua script and its SHA1, so it can be run by digest (EVALSHA) and sent in full only when the server lacks it.</summary>
public sealed class RedisScript
{
    [SuppressMessage("Security", "CA5350", Justification = "Redis names cached scripts by their SHA1; it is an identifier here, not a security measure.")]
    public RedisScript(string text)
    {
        Text = text;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public string Text { get; }

    /// <summary>Lower-case hex SHA1 of the text, as SCRIPT LOAD returns it.</summary>
    public string Sha1 { get; }

    public override string ToString() => $"script {Sha1}";
}
