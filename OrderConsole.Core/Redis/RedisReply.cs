using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace OrderConsole.Core.Redis;

/// <summary>One RESP2 reply: a simple string, error, integer, bulk string or array, any of the last two possibly null.</summary>
public sealed class RedisReply
{
    // Replies that recur on every busy connection are shared instead of allocated per reply.
    private static readonly RedisReply[] s_smallIntegers = CreateSmallIntegers();

    private readonly string? _text;
    private readonly byte[]? _bytes;
    private readonly RedisReply[]? _elements;
    private readonly long _integer;

    private RedisReply(RedisReplyKind kind, string? text, byte[]? bytes, RedisReply[]? elements, long integer, bool isNull)
    {
        Kind = kind;
        _text = text;
        _bytes = bytes;
        _elements = elements;
        _integer = integer;
        IsNull = isNull;
    }

    public static RedisReply NullBulkString { get; } = new(RedisReplyKind.BulkString, null, null, null, 0, isNull: true);

    public static RedisReply NullArray { get; } = new(RedisReplyKind.Array, null, null, null, 0, isNull: true);

    public static RedisReply EmptyArray { get; } = new(RedisReplyKind.Array, null, null, [], 0, isNull: false);

    public static RedisReply EmptyBulkString { get; } = new(RedisReplyKind.BulkString, null, [], null, 0, isNull: false);

    public static RedisReply Ok { get; } = new(RedisReplyKind.SimpleString, "OK", null, null, 0, isNull: false);

    public static RedisReply Pong { get; } = new(RedisReplyKind.SimpleString, "PONG", null, null, 0, isNull: false);

    public RedisReplyKind Kind { get; }

    /// <summary>True for the null bulk string (<c>$-1</c>) and the null array (<c>*-1</c>).</summary>
    public bool IsNull { get; }

    public bool IsError => Kind == RedisReplyKind.Error;

    /// <summary>The raw bytes of a bulk string; empty for a null bulk string.</summary>
    public ReadOnlyMemory<byte> Bytes => Kind == RedisReplyKind.BulkString
        ? _bytes
        : throw WrongKind("bytes");

    /// <summary>The elements of an array; empty for a null array.</summary>
    public IReadOnlyList<RedisReply> Elements => Kind == RedisReplyKind.Array
        ? _elements ?? []
        : throw WrongKind("an array");

    public static RedisReply SimpleString(string text) => text switch
    {
        "OK" => Ok,
        "PONG" => Pong,
        _ => new RedisReply(RedisReplyKind.SimpleString, text, null, null, 0, isNull: false),
    };

    public static RedisReply Error(string message) => new(RedisReplyKind.Error, message, null, null, 0, isNull: false);

    [SuppressMessage("Naming", "CA1720", Justification = "Integer is the name the RESP specification gives this type.")]
    public static RedisReply Integer(long value) => value is >= -1 and <= 32
        ? s_smallIntegers[value + 1]
        : new RedisReply(RedisReplyKind.Integer, null, null, null, value, isNull: false);

    public static RedisReply BulkString(byte[] bytes) => bytes.Length == 0
        ? EmptyBulkString
        : new RedisReply(RedisReplyKind.BulkString, null, bytes, null, 0, isNull: false);

    public static RedisReply BulkString(string text) => BulkString(Encoding.UTF8.GetBytes(text));

    public static RedisReply Array(RedisReply[] elements) => elements.Length == 0
        ? EmptyArray
        : new RedisReply(RedisReplyKind.Array, null, null, elements, 0, isNull: false);

    /// <summary>The reply as text: simple strings and errors as sent, bulk strings decoded as UTF-8, integers in digits, null as null.</summary>
    public string? AsString() => Kind switch
    {
        RedisReplyKind.SimpleString or RedisReplyKind.Error => _text,
        RedisReplyKind.BulkString => IsNull ? null : Encoding.UTF8.GetString(_bytes!),
        RedisReplyKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        _ => throw WrongKind("text"),
    };

    /// <summary>The reply as a number: an integer reply, or a bulk/simple string holding one (as GET returns counters).</summary>
    public long AsInt64()
    {
        if (Kind == RedisReplyKind.Integer)
        {
            return _integer;
        }

        if (Kind is RedisReplyKind.BulkString or RedisReplyKind.SimpleString && !IsNull
            && long.TryParse(AsString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw WrongKind("an integer");
    }

    /// <summary>The bytes of a bulk string, or null for the null bulk string.</summary>
    public byte[]? AsBytes() => Kind == RedisReplyKind.BulkString ? _bytes : throw WrongKind("bytes");

    public override string ToString() => Kind switch
    {
        _ when IsNull => $"{Kind}(null)",
        RedisReplyKind.Array => $"Array[{_elements!.Length}]",
        RedisReplyKind.BulkString when _bytes!.Length > 64 => $"BulkString({_bytes.Length} bytes)",
        _ => $"{Kind}({AsString()})",
    };

    private InvalidOperationException WrongKind(string wanted) =>
        new($"the reply is {(IsNull ? "a null " : "a ")}{Kind}, not {wanted}");

    private static RedisReply[] CreateSmallIntegers()
    {
        var values = new RedisReply[34];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new RedisReply(RedisReplyKind.Integer, null, null, null, i - 1, isNull: false);
        }

        return values;
    }
}
